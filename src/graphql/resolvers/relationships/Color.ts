import type { ColorResolvers } from "../../../generated/graphql.ts";
import type { ColorOwnerMatch } from "../../../graph/queries/brandsUsingColor.ts";
import { asksOnlyBrandIdsOf } from "./brandIdsOnly.ts";
import { brandsKey, pairingsKey } from "./edgeKeys.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";

export const Color: ColorResolvers = {
  // The graph statement already keeps to the caller's organization (brands never change organization).
  brands: (color, _args, { graphLoaders, loaders }, info) =>
    keepBrandsInPostgres<ColorOwnerMatch>(
      graphLoaders.brandsUsingColor.load(brandsKey(color.hex)).then((found) => found?.owners ?? []),
      { brandIdOf: (owner) => owner.brandId, onlyIds: asksOnlyBrandIdsOf(info.fieldNodes), loaders, rowsBy: loaders.brandById },
    ),
  pairings: async (color, args, { graphLoaders }) => (await graphLoaders.colorPairings.load(pairingsKey(color.hex, args)))?.pairings ?? [],
};

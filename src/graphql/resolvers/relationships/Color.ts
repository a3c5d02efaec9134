import type { ColorResolvers } from "../../../generated/graphql.ts";
import { brandsKey, pairingsKey } from "./edgeKeys.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";

export const Color: ColorResolvers = {
  brands: async (color, _args, { graphLoaders, loaders }) => {
    const owners = (await graphLoaders.brandsUsingColor.load(brandsKey(color.hex)))?.owners ?? [];
    return keepBrandsInPostgres(owners, (owner) => owner.brandId, loaders.brandById);
  },
  pairings: async (color, args, { graphLoaders }) => (await graphLoaders.colorPairings.load(pairingsKey(color.hex, args)))?.pairings ?? [],
};

import type { BrandResolvers } from "../../../generated/graphql.ts";
import type { SimilarBrandMatch } from "../../../graph/queries/similarBrands.ts";
import { similarBrandsKey } from "./edgeKeys.ts";
import { asksOnlyBrandIdsOf } from "./brandIdsOnly.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";

export const Brand: BrandResolvers = {
  similarBrands: (brand, args, { graphLoaders, loaders }, info) =>
    // Other organizations' brands by design: see guardForeignBrands for what a caller learns of them.
    keepBrandsInPostgres<SimilarBrandMatch>(graphLoaders.similarBrands.load(similarBrandsKey(brand.id, args)), {
      brandIdOf: (match) => match.similarBrandId,
      onlyIds: asksOnlyBrandIdsOf(info.fieldNodes),
      loaders,
      rowsBy: loaders.anyBrandById,
    }),
};

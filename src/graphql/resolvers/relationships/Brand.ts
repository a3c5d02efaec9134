import type { BrandResolvers } from "../../../generated/graphql.ts";
import { similarBrandsKey } from "./edgeKeys.ts";
import { asksOnlySimilarBrandIds, keepSimilarBrandsInPostgres } from "./similarBrandIds.ts";

export const Brand: BrandResolvers = {
  similarBrands: (brand, args, { graphLoaders, loaders }, info) => {
    const matches = graphLoaders.similarBrands.load(similarBrandsKey(brand.id, args));
    // Other organizations' brands by design: see guardForeignBrands for what a caller learns of them.
    return keepSimilarBrandsInPostgres(matches, asksOnlySimilarBrandIds(info.fieldNodes), loaders);
  },
};

import type { BrandResolvers } from "../../../generated/graphql.ts";
import { similarBrandsKey } from "./edgeKeys.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";

export const Brand: BrandResolvers = {
  similarBrands: async (brand, args, { graphLoaders, loaders }) => {
    const matches = await graphLoaders.similarBrands.load(similarBrandsKey(brand.id, args));
    // Other organizations' brands by design: see guardForeignBrands for what a caller learns of them.
    return keepBrandsInPostgres(matches, (match) => match.similarBrandId, loaders.anyBrandById);
  },
};

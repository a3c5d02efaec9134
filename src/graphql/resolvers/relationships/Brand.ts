import { atLeastOne, boundedLimit } from "../../../domain/relationshipArgs.ts";
import type { BrandResolvers } from "../../../generated/graphql.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";

export const Brand: BrandResolvers = {
  similarBrands: async (brand, { minSharedColors, limit }, { graphLoaders, loaders }) => {
    const args = { minSharedColors: atLeastOne("minSharedColors", minSharedColors), limit: boundedLimit("limit", limit) };
    const matches = await graphLoaders.similarBrands.load({ id: brand.id, args });
    // Other organizations' brands by design: see guardForeignBrands for what a caller learns of them.
    return keepBrandsInPostgres(matches, (match) => match.similarBrandId, loaders.anyBrandById);
  },
};

import { atLeastOne, boundedLimit } from "../../../domain/relationshipArgs.ts";
import type { BrandResolvers } from "../../../generated/graphql.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";

export const Brand: BrandResolvers = {
  similarBrands: async (brand, { minSharedColors, limit }, { graphLoaders, loaders }) => {
    const args = { minSharedColors: atLeastOne("minSharedColors", minSharedColors), limit: boundedLimit("limit", limit) };
    const matches = await graphLoaders.similarBrands.load({ id: brand.id, args });
    return keepBrandsInPostgres(matches, (match) => match.similarBrandId, loaders);
  },
};

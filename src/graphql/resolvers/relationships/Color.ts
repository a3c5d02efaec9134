import { atLeastOne, boundedLimit } from "../../../domain/relationshipArgs.ts";
import type { ColorResolvers } from "../../../generated/graphql.ts";
import { keepBrandsInPostgres } from "./keepBrandsInPostgres.ts";

export const Color: ColorResolvers = {
  brands: async (color, _args, { graphLoaders, loaders }) => {
    const owners = await graphLoaders.brandsUsingColor.load({ id: color.hex, args: {} });
    return keepBrandsInPostgres(owners, (owner) => owner.brandId, loaders);
  },
  pairings: (color, { minSamples, limit }, { graphLoaders }) => {
    const args = { minSamples: atLeastOne("minSamples", minSamples), limit: boundedLimit("limit", limit) };
    return graphLoaders.colorPairings.load({ id: color.hex, args });
  },
};

import type { QueryResolvers } from "../../../generated/graphql.ts";

export const asset: NonNullable<QueryResolvers["asset"]> = (_, { id }, { loaders }) => loaders.assetById.load(id);

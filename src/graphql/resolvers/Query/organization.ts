import type { QueryResolvers } from "../../../generated/graphql.ts";

export const organization: NonNullable<QueryResolvers["organization"]> = (_, { id }, { loaders }) => loaders.organizationById.load(id);

import type { QueryResolvers } from "../../../generated/graphql.ts";
import { templateStore } from "../../../stores/templateStore.ts";

export const template: NonNullable<QueryResolvers["template"]> = (_, { id }, { deps, access }) =>
  templateStore.findById(deps.prisma, id, access.organizationScope);

import type { QueryResolvers } from "../../../generated/graphql.ts";
import { feedbackStore } from "../../../stores/feedbackStore.ts";

export const feedback: NonNullable<QueryResolvers["feedback"]> = (_, { id }, { deps, access }) =>
  feedbackStore.findById(deps.prisma, id, access.organizationScope);

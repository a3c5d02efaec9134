import { parseFeedbackAction } from "../../../domain/feedbackInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { feedbackStore } from "../../../stores/feedbackStore.ts";

export const feedbackList: NonNullable<QueryResolvers["feedbackList"]> = (_, { assetId, brandId, action, ...args }, { deps, access }) => {
  const filter = { assetId, brandId, action: action == null ? null : parseFeedbackAction(action, "action") };
  return paginate(args, (page) => feedbackStore.listPage(deps.prisma, filter, page, access.organizationScope));
};

import type { Resolvers } from "../../../generated/graphql.ts";
import { parseFeedbackAction, parseRecordFeedbackInput } from "../../../domain/feedbackInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import { feedbackStore } from "../../../postgres/feedbackStore.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { loadParent } from "./loadParent.ts";

export const feedbackResolvers: Resolvers = {
  Query: {
    feedback: (_, { id }, { deps, access }) => feedbackStore.findById(deps.prisma, id, access.organizationScope),
    feedbackList(_, { assetId, brandId, action, ...args }, { deps, access }) {
      const filter = { assetId, brandId, action: action == null ? null : parseFeedbackAction(action, "action") };
      return paginate(args, (page) => feedbackStore.listPage(deps.prisma, filter, page, access.organizationScope));
    },
  },
  Mutation: {
    recordFeedback(_, { input }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      const draft = parseRecordFeedbackInput(input);
      return inTransaction(deps, (tx) => feedbackStore.record(tx, draft, scope), { waitForGraph });
    },
  },
  Feedback: {
    asset: (feedback, _, { loaders }) => loadParent(loaders.assetById, "Asset", feedback.assetId),
  },
};

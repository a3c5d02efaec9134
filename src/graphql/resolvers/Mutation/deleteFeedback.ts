import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { feedbackStore } from "../../../stores/feedbackStore.ts";

export const deleteFeedback: NonNullable<MutationResolvers["deleteFeedback"]> = (_, { id }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  return inTransaction(deps, (tx) => feedbackStore.remove(tx, id, scope), graphSync);
};

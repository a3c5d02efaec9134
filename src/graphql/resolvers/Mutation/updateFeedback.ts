import { parseUpdateFeedbackInput } from "../../../domain/feedbackInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { feedbackStore } from "../../../stores/feedbackStore.ts";

export const updateFeedback: NonNullable<MutationResolvers["updateFeedback"]> = (_, { id, input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  const patch = parseUpdateFeedbackInput(input);
  return inTransaction(deps, (tx) => feedbackStore.update(tx, id, patch, scope), graphSync);
};

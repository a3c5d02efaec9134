import { parseRecordFeedbackInput } from "../../../domain/feedbackInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { feedbackStore } from "../../../stores/feedbackStore.ts";

export const recordFeedback: NonNullable<MutationResolvers["recordFeedback"]> = (_, { input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  const draft = parseRecordFeedbackInput(input);
  return inTransaction(deps, (tx) => feedbackStore.record(tx, draft, scope), graphSync);
};

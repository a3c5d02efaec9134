import { parseUpdateTemplateInput } from "../../../domain/templateInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { templateStore } from "../../../stores/templateStore.ts";

export const updateTemplate: NonNullable<MutationResolvers["updateTemplate"]> = (_, { id, input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  const patch = parseUpdateTemplateInput(input);
  return inTransaction(deps, (tx) => templateStore.update(tx, id, patch, scope), graphSync);
};

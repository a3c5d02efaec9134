import { parseCreateTemplateInput } from "../../../domain/templateInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { templateStore } from "../../../stores/templateStore.ts";

export const createTemplate: NonNullable<MutationResolvers["createTemplate"]> = (_, { input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  const draft = parseCreateTemplateInput(input);
  return inTransaction(deps, (tx) => templateStore.create(tx, draft, scope), graphSync);
};

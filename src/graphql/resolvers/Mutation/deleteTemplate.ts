import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { templateStore } from "../../../stores/templateStore.ts";

export const deleteTemplate: NonNullable<MutationResolvers["deleteTemplate"]> = (_, { id }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  return inTransaction(deps, (tx) => templateStore.remove(tx, id, scope), graphSync);
};

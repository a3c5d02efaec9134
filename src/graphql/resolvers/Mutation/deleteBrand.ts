import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { brandStore } from "../../../stores/brandStore.ts";

export const deleteBrand: NonNullable<MutationResolvers["deleteBrand"]> = (_, { id }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  return inTransaction(deps, (tx) => brandStore.remove(tx, id, scope), graphSync);
};

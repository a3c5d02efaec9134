import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { assetStore } from "../../../stores/assetStore.ts";

export const deleteAsset: NonNullable<MutationResolvers["deleteAsset"]> = (_, { id }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  return inTransaction(deps, (tx) => assetStore.remove(tx, id, scope), graphSync);
};

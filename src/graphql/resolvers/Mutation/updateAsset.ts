import { parseUpdateAssetInput } from "../../../domain/assetInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { assetStore } from "../../../stores/assetStore.ts";

export const updateAsset: NonNullable<MutationResolvers["updateAsset"]> = (_, { id, input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  const patch = parseUpdateAssetInput(input);
  return inTransaction(deps, (tx) => assetStore.update(tx, id, patch, scope), graphSync);
};

import { parseCreateAssetInput } from "../../../domain/assetInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { assetStore } from "../../../stores/assetStore.ts";

export const createAsset: NonNullable<MutationResolvers["createAsset"]> = (_, { input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  const draft = parseCreateAssetInput(input);
  return inTransaction(deps, (tx) => assetStore.create(tx, draft, scope), graphSync);
};

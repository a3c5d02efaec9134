import type { Resolvers } from "../../../generated/graphql.ts";
import { parseAssetStatus, parseCreateAssetInput, parseUpdateAssetInput } from "../../../domain/assetInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import { assetStore } from "../../../postgres/assetStore.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { loadParent } from "./loadParent.ts";

export const assetResolvers: Resolvers = {
  Query: {
    asset: (_, { id }, { loaders }) => loaders.assetById.load(id),
    assets(_, { brandId, status, ...args }, { deps }) {
      const filter = { brandId, status: status == null ? null : parseAssetStatus(status, "status") };
      return paginate(args, (page) => assetStore.listPage(deps.prisma, filter, page));
    },
  },
  Mutation: {
    createAsset(_, { input }, { deps, waitForGraph }) {
      const draft = parseCreateAssetInput(input);
      return inTransaction(deps, (tx) => assetStore.create(tx, draft), { waitForGraph });
    },
    updateAsset(_, { id, input }, { deps, waitForGraph }) {
      const patch = parseUpdateAssetInput(input);
      return inTransaction(deps, (tx) => assetStore.update(tx, id, patch), { waitForGraph });
    },
    deleteAsset: (_, { id }, { deps, waitForGraph }) => inTransaction(deps, (tx) => assetStore.remove(tx, id), { waitForGraph }),
  },
  Asset: {
    brand: (asset, _, { loaders }) => loadParent(loaders.brandById, "Brand", asset.brandId),
    colors: (asset, _, { loaders }) => loaders.colorsByAsset.load(asset.id),
    feedback: (asset, _, { loaders }) => loaders.feedbackByAsset.load(asset.id),
  },
};

import type { Resolvers } from "../../../generated/graphql.ts";
import { parseAssetStatus, parseCreateAssetInput, parseUpdateAssetInput } from "../../../domain/assetInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import { assetStore } from "../../../postgres/assetStore.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { loadParent } from "./loadParent.ts";

export const assetResolvers: Resolvers = {
  Query: {
    asset: (_, { id }, { loaders }) => loaders.assetById.load(id),
    assets(_, { brandId, status, ...args }, { deps, access }) {
      const filter = { brandId, status: status == null ? null : parseAssetStatus(status, "status") };
      return paginate(args, (page) => assetStore.listPage(deps.prisma, filter, page, access.organizationScope));
    },
  },
  Mutation: {
    createAsset(_, { input }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      const draft = parseCreateAssetInput(input);
      return inTransaction(deps, (tx) => assetStore.create(tx, draft, scope), { waitForGraph });
    },
    updateAsset(_, { id, input }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      const patch = parseUpdateAssetInput(input);
      return inTransaction(deps, (tx) => assetStore.update(tx, id, patch, scope), { waitForGraph });
    },
    deleteAsset(_, { id }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      return inTransaction(deps, (tx) => assetStore.remove(tx, id, scope), { waitForGraph });
    },
  },
  Asset: {
    brand: (asset, _, { loaders }) => loadParent(loaders.brandById, "Brand", asset.brandId),
    colors: (asset, _, { loaders }) => loaders.colorsByAsset.load(asset.id),
    feedback: (asset, _, { loaders }) => loaders.feedbackByAsset.load(asset.id),
  },
};

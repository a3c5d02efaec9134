import type { AssetResolvers } from "../../generated/graphql.ts";
import { boundedList, paginate } from "../../domain/pagination.ts";
import { loadParent } from "./loadParent.ts";

export const Asset: AssetResolvers = {
  brand: (asset, _, { loaders }) => loadParent(loaders.brandById, "Brand", asset.brandId),
  colors: (asset, _, { loaders }) => loaders.colorsByAsset.load(asset.id),
  feedback: (asset, { first }, { loaders }) => boundedList(first, (page) => loaders.feedbackPageByAsset.load({ parentId: asset.id, page })),
  feedbackConnection: (asset, args, { loaders }) => paginate(args, (page) => loaders.feedbackPageByAsset.load({ parentId: asset.id, page })),
};

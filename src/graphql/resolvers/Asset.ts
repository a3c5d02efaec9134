import type { AssetResolvers } from "../../generated/graphql.ts";
import { loadParent } from "./loadParent.ts";

export const Asset: AssetResolvers = {
  brand: (asset, _, { loaders }) => loadParent(loaders.brandById, "Brand", asset.brandId),
  colors: (asset, _, { loaders }) => loaders.colorsByAsset.load(asset.id),
  feedback: (asset, _, { loaders }) => loaders.feedbackByAsset.load(asset.id),
};

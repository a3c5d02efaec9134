import type { TemplateResolvers } from "../../generated/graphql.ts";
import { loadParent } from "./loadParent.ts";

export const Template: TemplateResolvers = {
  brand: (template, _, { loaders }) => loadParent(loaders.brandById, "Brand", template.brandId),
  sourceAsset: (template, _, { loaders }) => (template.sourceAssetId ? loaders.assetById.load(template.sourceAssetId) : null),
};

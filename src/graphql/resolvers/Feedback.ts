import type { FeedbackResolvers } from "../../generated/graphql.ts";
import { loadParent } from "./loadParent.ts";

export const Feedback: FeedbackResolvers = {
  asset: (feedback, _, { loaders }) => loadParent(loaders.assetById, "Asset", feedback.assetId),
};

// Every resolver of the contract (schema/*.graphql): one file per object type, and one per root field
// under Query/ and Mutation/, each named after what it resolves.
import type { Resolvers } from "../../generated/graphql.ts";
import { scalarResolvers } from "../scalars.ts";
import { Asset } from "./Asset.ts";
import { Brand } from "./Brand.ts";
import { BrandColor } from "./BrandColor.ts";
import { BrandChange } from "./BrandChange.ts";
import { Color } from "./Color.ts";
import { ColorOwner } from "./ColorOwner.ts";
import { ColorPairing } from "./ColorPairing.ts";
import { Feedback } from "./Feedback.ts";
import { GraphChange } from "./GraphChange.ts";
import { backfillGraph } from "./Mutation/backfillGraph.ts";
import { createAsset } from "./Mutation/createAsset.ts";
import { createBrand } from "./Mutation/createBrand.ts";
import { createImageUpload } from "./Mutation/createImageUpload.ts";
import { createOrganization } from "./Mutation/createOrganization.ts";
import { createTemplate } from "./Mutation/createTemplate.ts";
import { deleteAsset } from "./Mutation/deleteAsset.ts";
import { deleteBrand } from "./Mutation/deleteBrand.ts";
import { deleteOrganization } from "./Mutation/deleteOrganization.ts";
import { deleteTemplate } from "./Mutation/deleteTemplate.ts";
import { reconcileGraph } from "./Mutation/reconcileGraph.ts";
import { recordFeedback } from "./Mutation/recordFeedback.ts";
import { updateFeedback } from "./Mutation/updateFeedback.ts";
import { deleteFeedback } from "./Mutation/deleteFeedback.ts";
import { updateAsset } from "./Mutation/updateAsset.ts";
import { updateBrand } from "./Mutation/updateBrand.ts";
import { updateOrganization } from "./Mutation/updateOrganization.ts";
import { updateTemplate } from "./Mutation/updateTemplate.ts";
import { IndustryInsights } from "./IndustryInsights.ts";
import { Organization } from "./Organization.ts";
import { asset } from "./Query/asset.ts";
import { assets } from "./Query/assets.ts";
import { brand } from "./Query/brand.ts";
import { brands } from "./Query/brands.ts";
import { color } from "./Query/color.ts";
import { feedback } from "./Query/feedback.ts";
import { feedbackList } from "./Query/feedbackList.ts";
import { graphHealth } from "./Query/graphHealth.ts";
import { industries } from "./Query/industries.ts";
import { industry } from "./Query/industry.ts";
import { patternStatus } from "./Query/patternStatus.ts";
import { health } from "./Query/health.ts";
import { organization } from "./Query/organization.ts";
import { organizations } from "./Query/organizations.ts";
import { syncStatus } from "./Query/syncStatus.ts";
import { template } from "./Query/template.ts";
import { templates } from "./Query/templates.ts";
import { SimilarBrand } from "./SimilarBrand.ts";
import { brandChanged } from "./Subscription/brandChanged.ts";
import { graphChanged } from "./Subscription/graphChanged.ts";
import { Template } from "./Template.ts";

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    organization, organizations, brand, brands, asset, assets, feedback, feedbackList, template, templates,
    color, health, graphHealth, syncStatus,
    industries, industry, patternStatus,
  },
  Mutation: {
    createOrganization, updateOrganization, deleteOrganization,
    createBrand, updateBrand, deleteBrand,
    createAsset, updateAsset, deleteAsset, createImageUpload,
    recordFeedback, updateFeedback, deleteFeedback,
    createTemplate, updateTemplate, deleteTemplate,
    backfillGraph, reconcileGraph,
  },
  Subscription: { graphChanged, brandChanged },
  Organization, Brand, BrandColor, Asset, Feedback, Template, SimilarBrand, Color, ColorOwner, ColorPairing, IndustryInsights, GraphChange, BrandChange,
};

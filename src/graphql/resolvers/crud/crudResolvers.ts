import { assetResolvers } from "./assetResolvers.ts";
import { brandResolvers } from "./brandResolvers.ts";
import { feedbackResolvers } from "./feedbackResolvers.ts";
import { organizationResolvers } from "./organizationResolvers.ts";
import { templateResolvers } from "./templateResolvers.ts";

/** The Postgres half of the schema: queries, mutations and nested fields of the five entities. */
export const crudResolvers = [organizationResolvers, brandResolvers, assetResolvers, feedbackResolvers, templateResolvers];

import type { BrandResolvers } from "../../generated/graphql.ts";
import { similarBrandsOf } from "../../relationships/relationshipReads.ts";
import { asksOnlyBrandIdsOf } from "../lookahead/brandIdsOnly.ts";
import { loadParent } from "./loadParent.ts";
import { boundedList, paginate } from "../../domain/pagination.ts";
import { boundedLimit } from "../../domain/relationshipArgs.ts";
import { brandIndustryPatterns } from "../../patterns/brandIndustryPatterns.ts";
import { requireDiscovery } from "../../patterns/requireDiscovery.ts";

export const Brand: BrandResolvers = {
  organization: (brand, _, { loaders }) => loadParent(loaders.organizationById, "Organization", brand.organizationId),
  colors: (brand, _, { loaders }) => loaders.colorsByBrand.load(brand.id),
  assets: (brand, args, { loaders }) => paginate(args, (page) => loaders.assetPageByBrand.load({ parentId: brand.id, page })),
  templates: (brand, { first }, { loaders }) => boundedList(first, (page) => loaders.templatePageByBrand.load({ parentId: brand.id, page })),
  templatesConnection: (brand, args, { loaders }) => paginate(args, (page) => loaders.templatePageByBrand.load({ parentId: brand.id, page })),
  // Other organizations' brands by design, each a ForeignBrand (id and name) in the schema.
  similarBrands: (brand, args, context, info) =>
    similarBrandsOf(context, brand.id, args, asksOnlyBrandIdsOf(info.fieldNodes) ? "fromGraph" : "fromRows"),
  // Only ever the caller's own brand (guardForeignBrands), against patterns of k organizations.
  industryPatterns: async (brand, { limit }, { deps, access, loaders }) => {
    const bounded = boundedLimit("limit", limit);
    await requireDiscovery(access, loaders);
    return brandIndustryPatterns(deps.graph, loaders, deps.config.patterns.minOrganizations, brand, bounded);
  },
};

import type { OrganizationResolvers } from "../../generated/graphql.ts";
import { boundedList, paginate } from "../../domain/pagination.ts";

export const Organization: OrganizationResolvers = {
  brands: (organization, { first }, { loaders }) => boundedList(first, (page) => loaders.brandPageByOrganization.load({ parentId: organization.id, page })),
  brandsConnection: (organization, args, { loaders }) => paginate(args, (page) => loaders.brandPageByOrganization.load({ parentId: organization.id, page })),
};

import type { OrganizationResolvers } from "../../generated/graphql.ts";

export const Organization: OrganizationResolvers = {
  brands: (organization, _, { loaders }) => loaders.brandsByOrganization.load(organization.id),
};

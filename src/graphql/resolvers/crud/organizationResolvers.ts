import type { Resolvers } from "../../../generated/graphql.ts";
import { parseCreateOrganizationInput, parseUpdateOrganizationInput } from "../../../domain/organizationInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { organizationStore } from "../../../postgres/organizationStore.ts";

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_, { id }, { loaders }) => loaders.organizationById.load(id),
    organizations: (_, args, { deps, access }) =>
      paginate(args, (page) => organizationStore.listPage(deps.prisma, page, access.organizationScope)),
  },
  Mutation: {
    createOrganization(_, { input }, { deps, access, waitForGraph }) {
      access.assertAdmin();
      const draft = parseCreateOrganizationInput(input);
      return inTransaction(deps, (tx) => organizationStore.create(tx, draft), { waitForGraph });
    },
    updateOrganization(_, { id, input }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      const patch = parseUpdateOrganizationInput(input);
      return inTransaction(deps, (tx) => organizationStore.update(tx, id, patch, scope), { waitForGraph });
    },
    /** An admin deletes its own organization only; another one is NOT_FOUND like any foreign id. */
    deleteOrganization(_, { id }, { deps, access, waitForGraph }) {
      access.assertAdmin();
      return inTransaction(deps, (tx) => organizationStore.remove(tx, id, access.organizationScope), { waitForGraph });
    },
  },
  Organization: {
    brands: (organization, _, { loaders }) => loaders.brandsByOrganization.load(organization.id),
  },
};

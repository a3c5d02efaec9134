import type { Resolvers } from "../../../generated/graphql.ts";
import { parseCreateOrganizationInput, parseUpdateOrganizationInput } from "../../../domain/organizationInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { organizationStore } from "../../../postgres/organizationStore.ts";

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_, { id }, { loaders }) => loaders.organizationById.load(id),
    organizations: (_, args, { deps }) => paginate(args, (page) => organizationStore.listPage(deps.prisma, page)),
  },
  Mutation: {
    createOrganization(_, { input }, { deps, waitForGraph }) {
      const draft = parseCreateOrganizationInput(input);
      return inTransaction(deps, (tx) => organizationStore.create(tx, draft), { waitForGraph });
    },
    updateOrganization(_, { id, input }, { deps, waitForGraph }) {
      const patch = parseUpdateOrganizationInput(input);
      return inTransaction(deps, (tx) => organizationStore.update(tx, id, patch), { waitForGraph });
    },
    deleteOrganization: (_, { id }, { deps, waitForGraph }) => inTransaction(deps, (tx) => organizationStore.remove(tx, id), { waitForGraph }),
  },
  Organization: {
    brands: (organization, _, { loaders }) => loaders.brandsByOrganization.load(organization.id),
  },
};

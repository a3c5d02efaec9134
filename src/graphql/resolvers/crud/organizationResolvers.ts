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
    createOrganization(_, { input }, { deps }) {
      const draft = parseCreateOrganizationInput(input);
      return inTransaction(deps, (tx) => organizationStore.create(tx, draft));
    },
    updateOrganization(_, { id, input }, { deps }) {
      const patch = parseUpdateOrganizationInput(input);
      return inTransaction(deps, (tx) => organizationStore.update(tx, id, patch));
    },
    deleteOrganization: (_, { id }, { deps }) => inTransaction(deps, (tx) => organizationStore.remove(tx, id)),
  },
  Organization: {
    brands: (organization, _, { loaders }) => loaders.brandsByOrganization.load(organization.id),
  },
};

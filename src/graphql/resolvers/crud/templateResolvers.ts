import type { Resolvers } from "../../../generated/graphql.ts";
import { paginate } from "../../../domain/pagination.ts";
import { parseCreateTemplateInput, parseUpdateTemplateInput } from "../../../domain/templateInput.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { templateStore } from "../../../postgres/templateStore.ts";
import { loadParent } from "./loadParent.ts";

export const templateResolvers: Resolvers = {
  Query: {
    template: (_, { id }, { deps, access }) => templateStore.findById(deps.prisma, id, access.organizationScope),
    templates: (_, { brandId, ...args }, { deps, access }) =>
      paginate(args, (page) => templateStore.listPage(deps.prisma, { brandId }, page, access.organizationScope)),
  },
  Mutation: {
    createTemplate(_, { input }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      const draft = parseCreateTemplateInput(input);
      return inTransaction(deps, (tx) => templateStore.create(tx, draft, scope), { waitForGraph });
    },
    updateTemplate(_, { id, input }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      const patch = parseUpdateTemplateInput(input);
      return inTransaction(deps, (tx) => templateStore.update(tx, id, patch, scope), { waitForGraph });
    },
    deleteTemplate(_, { id }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      return inTransaction(deps, (tx) => templateStore.remove(tx, id, scope), { waitForGraph });
    },
  },
  Template: {
    brand: (template, _, { loaders }) => loadParent(loaders.brandById, "Brand", template.brandId),
    sourceAsset: (template, _, { loaders }) => (template.sourceAssetId ? loaders.assetById.load(template.sourceAssetId) : null),
  },
};

import type { Resolvers } from "../../../generated/graphql.ts";
import { paginate } from "../../../domain/pagination.ts";
import { parseCreateTemplateInput, parseUpdateTemplateInput } from "../../../domain/templateInput.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { templateStore } from "../../../postgres/templateStore.ts";
import { loadParent } from "./loadParent.ts";

export const templateResolvers: Resolvers = {
  Query: {
    template: (_, { id }, { deps }) => templateStore.findById(deps.prisma, id),
    templates: (_, { brandId, ...args }, { deps }) => paginate(args, (page) => templateStore.listPage(deps.prisma, { brandId }, page)),
  },
  Mutation: {
    createTemplate(_, { input }, { deps, waitForGraph }) {
      const draft = parseCreateTemplateInput(input);
      return inTransaction(deps, (tx) => templateStore.create(tx, draft), { waitForGraph });
    },
    updateTemplate(_, { id, input }, { deps, waitForGraph }) {
      const patch = parseUpdateTemplateInput(input);
      return inTransaction(deps, (tx) => templateStore.update(tx, id, patch), { waitForGraph });
    },
    deleteTemplate: (_, { id }, { deps, waitForGraph }) => inTransaction(deps, (tx) => templateStore.remove(tx, id), { waitForGraph }),
  },
  Template: {
    brand: (template, _, { loaders }) => loadParent(loaders.brandById, "Brand", template.brandId),
    sourceAsset: (template, _, { loaders }) => (template.sourceAssetId ? loaders.assetById.load(template.sourceAssetId) : null),
  },
};

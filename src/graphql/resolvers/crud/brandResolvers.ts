// The Postgres fields of Brand; Brand.similarBrands is the graph half's (schema/relationships.graphql).
import type { Resolvers } from "../../../generated/graphql.ts";
import { parseCreateBrandInput, parseUpdateBrandInput } from "../../../domain/brandInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import { brandStore } from "../../../postgres/brandStore.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { brandWithAskedEdges } from "../relationships/askedEdges.ts";
import { loadParent } from "./loadParent.ts";

export const brandResolvers: Resolvers = {
  Query: {
    brand: (_, { id }, context, info) => brandWithAskedEdges(id, info, context),
    brands: (_, { organizationId, ...args }, { deps, access }) =>
      paginate(args, (page) => brandStore.listPage(deps.prisma, { organizationId }, page, access.organizationScope)),
  },
  Mutation: {
    createBrand(_, { input }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      const draft = parseCreateBrandInput(input);
      return inTransaction(deps, (tx) => brandStore.create(tx, draft, scope), { waitForGraph });
    },
    updateBrand(_, { id, input }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      const patch = parseUpdateBrandInput(input);
      return inTransaction(deps, (tx) => brandStore.update(tx, id, patch, scope), { waitForGraph });
    },
    deleteBrand(_, { id }, { deps, access, waitForGraph }) {
      const scope = access.writeScope();
      return inTransaction(deps, (tx) => brandStore.remove(tx, id, scope), { waitForGraph });
    },
  },
  Brand: {
    organization: (brand, _, { loaders }) => loadParent(loaders.organizationById, "Organization", brand.organizationId),
    colors: (brand, _, { loaders }) => loaders.colorsByBrand.load(brand.id),
    assets: (brand, args, { loaders }) =>
      paginate(args, (page) => loaders.assetPageByBrand.load({ brandId: brand.id, page })),
    templates: (brand, _, { loaders }) => loaders.templatesByBrand.load(brand.id),
  },
};

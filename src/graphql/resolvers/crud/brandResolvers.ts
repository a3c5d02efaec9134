// The Postgres fields of Brand; Brand.similarBrands is the graph half's (schema/relationships.graphql).
import type { Resolvers } from "../../../generated/graphql.ts";
import { parseCreateBrandInput, parseUpdateBrandInput } from "../../../domain/brandInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import { brandStore } from "../../../postgres/brandStore.ts";
import { inTransaction } from "../../../postgres/inTransaction.ts";
import { loadParent } from "./loadParent.ts";

export const brandResolvers: Resolvers = {
  Query: {
    brand: (_, { id }, { loaders }) => loaders.brandById.load(id),
    brands: (_, { organizationId, ...args }, { deps }) =>
      paginate(args, (page) => brandStore.listPage(deps.prisma, { organizationId }, page)),
  },
  Mutation: {
    createBrand(_, { input }, { deps, waitForGraph }) {
      const draft = parseCreateBrandInput(input);
      return inTransaction(deps, (tx) => brandStore.create(tx, draft), { waitForGraph });
    },
    updateBrand(_, { id, input }, { deps, waitForGraph }) {
      const patch = parseUpdateBrandInput(input);
      return inTransaction(deps, (tx) => brandStore.update(tx, id, patch), { waitForGraph });
    },
    deleteBrand: (_, { id }, { deps, waitForGraph }) => inTransaction(deps, (tx) => brandStore.remove(tx, id), { waitForGraph }),
  },
  Brand: {
    organization: (brand, _, { loaders }) => loadParent(loaders.organizationById, "Organization", brand.organizationId),
    colors: (brand, _, { loaders }) => loaders.colorsByBrand.load(brand.id),
    assets: (brand, args, { loaders }) =>
      paginate(args, (page) => loaders.assetPageByBrand.load({ brandId: brand.id, page })),
    templates: (brand, _, { loaders }) => loaders.templatesByBrand.load(brand.id),
  },
};

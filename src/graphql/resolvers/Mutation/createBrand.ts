import { parseCreateBrandInput } from "../../../domain/brandInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { brandStore } from "../../../stores/brandStore.ts";

export const createBrand: NonNullable<MutationResolvers["createBrand"]> = (_, { input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  const draft = parseCreateBrandInput(input);
  return inTransaction(deps, (tx) => brandStore.create(tx, draft, scope), graphSync);
};

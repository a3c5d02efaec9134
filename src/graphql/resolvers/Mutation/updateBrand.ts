import { parseUpdateBrandInput } from "../../../domain/brandInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { brandStore } from "../../../stores/brandStore.ts";

export const updateBrand: NonNullable<MutationResolvers["updateBrand"]> = (_, { id, input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  const patch = parseUpdateBrandInput(input);
  return inTransaction(deps, (tx) => brandStore.update(tx, id, patch, scope), graphSync);
};

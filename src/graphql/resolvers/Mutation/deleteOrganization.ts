import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { organizationStore } from "../../../stores/organizationStore.ts";

export const deleteOrganization: NonNullable<MutationResolvers["deleteOrganization"]> = (_, { id }, { deps, access, graphSync }) => {
  // An admin deletes its own organization only; another one is NOT_FOUND like any foreign id.
  const scope = access.assertOrganizationAdmin();
  return inTransaction(deps, (tx) => organizationStore.remove(tx, id, scope), graphSync);
};

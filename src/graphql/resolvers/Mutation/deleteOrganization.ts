import type { MutationResolvers } from "../../../generated/graphql.ts";
import { deleteOrganization as deleteInBatches } from "../../../stores/deleteOrganization.ts";

export const deleteOrganization: NonNullable<MutationResolvers["deleteOrganization"]> = (_, { id }, { deps, access, graphSync }) => {
  // An admin deletes its own organization only; another one is NOT_FOUND like any foreign id.
  const scope = access.assertOrganizationAdmin();
  return deleteInBatches(deps, id, scope, graphSync);
};

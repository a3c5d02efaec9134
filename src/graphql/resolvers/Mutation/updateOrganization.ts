import { parseUpdateOrganizationInput } from "../../../domain/organizationInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { organizationStore } from "../../../stores/organizationStore.ts";

/** An organization's editors and admins rename it; its plan is the platform operator's alone to set. */
export const updateOrganization: NonNullable<MutationResolvers["updateOrganization"]> = (_, { id, input }, { deps, access, graphSync }) => {
  if (input.plan !== undefined) access.assertPlatform("input.plan");
  // The operator changes no organization's data but its plan: renaming still goes through writeScope.
  const scope = access.isPlatformOperator && input.name === undefined ? access.organizationRowsScope : access.writeScope();
  const patch = parseUpdateOrganizationInput(input);
  return inTransaction(deps, (tx) => organizationStore.update(tx, id, patch, scope), graphSync);
};

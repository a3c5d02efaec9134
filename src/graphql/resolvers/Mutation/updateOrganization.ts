import { parseUpdateOrganizationInput } from "../../../domain/organizationInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { organizationStore } from "../../../stores/organizationStore.ts";

export const updateOrganization: NonNullable<MutationResolvers["updateOrganization"]> = (_, { id, input }, { deps, access, graphSync }) => {
  const scope = access.writeScope();
  if (input.plan !== undefined) access.assertPlatform("input.plan");
  const patch = parseUpdateOrganizationInput(input);
  return inTransaction(deps, (tx) => organizationStore.update(tx, id, patch, scope), graphSync);
};

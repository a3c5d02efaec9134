import { parseCreateOrganizationInput } from "../../../domain/organizationInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { organizationStore } from "../../../stores/organizationStore.ts";

/** A new tenant, with its plan, is the platform's to create: no organization's token may. */
export const createOrganization: NonNullable<MutationResolvers["createOrganization"]> = (_, { input }, { deps, access, graphSync }) => {
  access.assertPlatformOperator();
  const draft = parseCreateOrganizationInput(input);
  return inTransaction(deps, (tx) => organizationStore.create(tx, draft), graphSync);
};

import { parseCreateOrganizationInput } from "../../../domain/organizationInput.ts";
import type { MutationResolvers } from "../../../generated/graphql.ts";
import { inTransaction } from "../../../stores/inTransaction.ts";
import { organizationStore } from "../../../stores/organizationStore.ts";

export const createOrganization: NonNullable<MutationResolvers["createOrganization"]> = (_, { input }, { deps, access, graphSync }) => {
  access.assertAdmin();
  if (input.plan != null) access.assertPlatform("input.plan");
  const draft = parseCreateOrganizationInput(input);
  return inTransaction(deps, (tx) => organizationStore.create(tx, draft), graphSync);
};

import type { CreateOrganizationInput, UpdateOrganizationInput } from "../generated/graphql.ts";
import { ifGiven, requireText } from "./fieldRules.ts";

export interface OrganizationDraft {
  readonly name: string;
}

export const parseCreateOrganizationInput = (input: CreateOrganizationInput): OrganizationDraft => ({
  name: requireText(input.name, "input.name"),
});

export const parseUpdateOrganizationInput = (input: UpdateOrganizationInput): Partial<OrganizationDraft> => ({
  name: ifGiven(input.name, "input.name", requireText),
});

import type { CreateOrganizationInput, UpdateOrganizationInput } from "../generated/graphql.ts";
import { ifGiven, requireText } from "./fieldRules.ts";
import { parsePlan, type Plan } from "./plans.ts";

export interface OrganizationDraft {
  readonly name: string;
  /** Absent: free (the column's default). */
  readonly plan?: Plan;
}

export const parseCreateOrganizationInput = (input: CreateOrganizationInput): OrganizationDraft => ({
  name: requireText(input.name, "input.name"),
  plan: input.plan == null ? "free" : parsePlan(input.plan, "input.plan"),
});

export const parseUpdateOrganizationInput = (input: UpdateOrganizationInput): Partial<OrganizationDraft> => ({
  name: ifGiven(input.name, "input.name", requireText),
  plan: ifGiven(input.plan, "input.plan", parsePlan),
});

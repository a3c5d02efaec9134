import type { CreateBrandInput, UpdateBrandInput } from "../generated/graphql.ts";
import { ifGiven, requireText } from "./fieldRules.ts";
import { type IndustryCode, parseOptionalIndustry } from "./industries.ts";
import { type BrandColorDraft, parseBrandColors } from "./palette.ts";

export interface BrandDraft {
  readonly organizationId: string;
  readonly name: string;
  readonly learningActive: boolean;
  /** A NAICS sector code, or null while unknown. */
  readonly industry?: IndustryCode | null;
  readonly colors: readonly BrandColorDraft[];
}

/** Fields left undefined stay as they are; `colors`, when given, is the whole new palette. */
export type BrandPatch = Partial<Omit<BrandDraft, "organizationId">>;

export const parseCreateBrandInput = (input: CreateBrandInput): BrandDraft => ({
  organizationId: input.organizationId,
  name: requireText(input.name, "input.name"),
  learningActive: input.learningActive ?? false,
  industry: input.industry == null ? null : parseOptionalIndustry(input.industry, "input.industry"),
  colors: parseBrandColors(input.colors ?? [], "input.colors"),
});

export const parseUpdateBrandInput = (input: UpdateBrandInput): BrandPatch => ({
  name: ifGiven(input.name, "input.name", requireText),
  learningActive: ifGiven(input.learningActive, "input.learningActive", (v) => v),
  // null clears the industry, unlike the other fields: an unknown industry is a state of its own.
  industry: input.industry === undefined ? undefined : parseOptionalIndustry(input.industry, "input.industry"),
  colors: ifGiven(input.colors, "input.colors", parseBrandColors),
});

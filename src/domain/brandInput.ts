import type { CreateBrandInput, UpdateBrandInput } from "../generated/graphql.ts";
import { ifGiven, requireText } from "./fieldRules.ts";
import { type BrandColorDraft, parseBrandColors } from "./palette.ts";

export interface BrandDraft {
  readonly organizationId: string;
  readonly name: string;
  readonly learningActive: boolean;
  readonly colors: readonly BrandColorDraft[];
}

/** Fields left undefined stay as they are; `colors`, when given, is the whole new palette. */
export type BrandPatch = Partial<Omit<BrandDraft, "organizationId">>;

export const parseCreateBrandInput = (input: CreateBrandInput): BrandDraft => ({
  organizationId: input.organizationId,
  name: requireText(input.name, "input.name"),
  learningActive: input.learningActive ?? false,
  colors: parseBrandColors(input.colors ?? [], "input.colors"),
});

export const parseUpdateBrandInput = (input: UpdateBrandInput): BrandPatch => ({
  name: ifGiven(input.name, "input.name", requireText),
  learningActive: ifGiven(input.learningActive, "input.learningActive", (v) => v),
  colors: ifGiven(input.colors, "input.colors", parseBrandColors),
});

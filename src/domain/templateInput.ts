import type { CreateTemplateInput, UpdateTemplateInput } from "../generated/graphql.ts";
import { ifGiven, optionalText, requireText } from "./fieldRules.ts";

export interface TemplateDraft {
  readonly brandId: string;
  readonly name: string;
  readonly description: string | null;
  readonly sourceAssetId: string | null;
}

/** Fields left undefined stay as they are; a null sourceAssetId detaches the template. */
export type TemplatePatch = Partial<Omit<TemplateDraft, "brandId">>;

export const parseCreateTemplateInput = (input: CreateTemplateInput): TemplateDraft => ({
  brandId: input.brandId,
  name: requireText(input.name, "input.name"),
  description: optionalText(input.description, "input.description") ?? null,
  sourceAssetId: input.sourceAssetId ?? null,
});

export const parseUpdateTemplateInput = (input: UpdateTemplateInput): TemplatePatch => ({
  name: ifGiven(input.name, "input.name", requireText),
  description: optionalText(input.description, "input.description"),
  sourceAssetId: input.sourceAssetId,
});

import type { CreateAssetInput, UpdateAssetInput } from "../generated/graphql.ts";
import { ifGiven, oneOf, optionalText, requireText, unitInterval } from "./fieldRules.ts";
import { type AssetColorDraft, parseAssetColors } from "./palette.ts";

/**
 * An asset's review lifecycle. Closed so clients and the graph can filter on it reliably:
 * generated → in_review → approved | rejected, and archived for anything withdrawn.
 */
export const ASSET_STATUSES = ["generated", "in_review", "approved", "rejected", "archived"] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const PROMPT_MAX_LENGTH = 4000;

export interface AssetDraft {
  readonly brandId: string;
  readonly prompt: string;
  readonly imageUrl: string | null;
  readonly complianceScore: number | null;
  readonly status: AssetStatus;
  readonly colors: readonly AssetColorDraft[];
}

/** Fields left undefined stay as they are; `colors`, when given, replaces the asset's colors. */
export type AssetPatch = Partial<Omit<AssetDraft, "brandId">>;

export const parseAssetStatus = (value: string, field: string): AssetStatus => oneOf(value, ASSET_STATUSES, field);

const parsePrompt = (value: string, field: string) => requireText(value, field, PROMPT_MAX_LENGTH);

export const parseCreateAssetInput = (input: CreateAssetInput): AssetDraft => ({
  brandId: input.brandId,
  prompt: parsePrompt(input.prompt, "input.prompt"),
  imageUrl: optionalText(input.imageUrl, "input.imageUrl") ?? null,
  complianceScore: unitInterval(input.complianceScore, "input.complianceScore") ?? null,
  status: parseAssetStatus(input.status ?? "generated", "input.status"),
  colors: parseAssetColors(input.colors ?? [], "input.colors"),
});

export const parseUpdateAssetInput = (input: UpdateAssetInput): AssetPatch => ({
  prompt: ifGiven(input.prompt, "input.prompt", parsePrompt),
  imageUrl: optionalText(input.imageUrl, "input.imageUrl"),
  complianceScore: unitInterval(input.complianceScore, "input.complianceScore"),
  status: ifGiven(input.status, "input.status", parseAssetStatus),
  colors: ifGiven(input.colors, "input.colors", parseAssetColors),
});

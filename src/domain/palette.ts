// Colors arrive as lists (a brand's palette, an asset's colors); within one list a color may
// appear once, compared after normalisation, so "#fff" and "FFFFFF" collide.
import type { AssetColorInput, BrandColorInput } from "../generated/graphql.ts";
import { badInput } from "../errors/codes.ts";
import { NAME_MAX_LENGTH, optionalText, unitInterval } from "./fieldRules.ts";
import { requireHex } from "./requireHex.ts";

/** Far above any real palette; a bound so one request cannot write an unbounded list. */
export const MAX_COLORS = 64;

export interface BrandColorDraft {
  readonly hex: string;
  readonly name: string | null;
  readonly usage: string | null;
  readonly usageWeight: number | null;
  readonly context: string | null;
}

export interface AssetColorDraft {
  readonly hex: string;
  readonly coverage: number | null;
}

function uniqueHexes<I, O extends { hex: string }>(colors: readonly I[], field: string, parse: (c: I, at: string) => O): O[] {
  if (colors.length > MAX_COLORS) throw badInput(field, `at most ${MAX_COLORS} colors, not ${colors.length}`);
  const seen = new Map<string, number>();
  return colors.map((color, i) => {
    const at = `${field}[${i}]`;
    const parsed = parse(color, at);
    const first = seen.get(parsed.hex);
    if (first !== undefined) throw badInput(`${at}.hex`, `${parsed.hex} is already ${field}[${first}]`);
    seen.set(parsed.hex, i);
    return parsed;
  });
}

export function parseBrandColors(colors: readonly BrandColorInput[], field: string): BrandColorDraft[] {
  return uniqueHexes(colors, field, (c, at) => ({
    hex: requireHex(c.hex, `${at}.hex`),
    name: optionalText(c.name, `${at}.name`, NAME_MAX_LENGTH) ?? null,
    usage: optionalText(c.usage, `${at}.usage`, NAME_MAX_LENGTH) ?? null,
    usageWeight: unitInterval(c.usageWeight, `${at}.usageWeight`) ?? null,
    context: optionalText(c.context, `${at}.context`) ?? null,
  }));
}

export function parseAssetColors(colors: readonly AssetColorInput[], field: string): AssetColorDraft[] {
  return uniqueHexes(colors, field, (c, at) => ({
    hex: requireHex(c.hex, `${at}.hex`),
    coverage: unitInterval(c.coverage, `${at}.coverage`) ?? null,
  }));
}

// An asset uses each color once (one USES_COLOR edge per color): extracted colors that snapped to
// the same palette color are one color with their coverage added.
import type { SnappedColor } from "./snapToPalette.ts";

export interface AssetColorShare {
  readonly hex: string;
  readonly coverage: number;
  readonly onPalette: boolean;
}

export function colorsByHex(snapped: readonly SnappedColor[]): AssetColorShare[] {
  const byHex = new Map<string, AssetColorShare>();
  for (const { hex, coverage, onPalette } of snapped) {
    const seen = byHex.get(hex);
    byHex.set(hex, { hex, onPalette, coverage: Math.round(((seen?.coverage ?? 0) + coverage) * 10_000) / 10_000 });
  }
  return [...byHex.values()].sort((x, y) => y.coverage - x.coverage);
}

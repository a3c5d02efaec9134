// Each extracted color becomes the nearest color of the brand's palette when it is close enough
// by CIEDE2000, and stays its own color, flagged off-palette, when it is not.
//
// Default threshold ΔE00 ≤ 5. ΔE00 2.3 is one just-noticeable difference for two patches side by
// side under controlled light; an asset's pixels are further from its spec than that for reasons
// that are not off-brand: JPEG moves flat colors by up to ~1.3 (measured, q60), generators and
// renderers shade and light a flat color, and color management differs between tools. Print work
// likewise accepts a few ΔE00 between proof and press. At 2.3 a correctly branded JPEG would flip
// in and out of palette; at 5 those variations stay on palette while a visibly different shade
// (well past "noticeable at a glance") does not. How close a match is still counts: the
// compliance score (complianceScore.ts) gives less credit to a match near the threshold.
import type { ExtractedColor } from "./ColorExtractor.ts";
import { deltaE00, hexToLab } from "./lab.ts";

export const DEFAULT_MAX_DELTA_E00 = 5;

export interface SnappedColor {
  /** The palette color when on palette, else the extracted color's own hex. */
  readonly hex: string;
  readonly coverage: number;
  readonly onPalette: boolean;
  /** The color as extracted. */
  readonly extractedHex: string;
  /** The nearest palette color, null for an empty palette. */
  readonly nearestPaletteHex: string | null;
  /** CIEDE2000 to the nearest palette color; null for an empty palette. */
  readonly deltaE00: number | null;
}

export interface SnapOptions {
  readonly maxDeltaE00?: number;
}

/** `palette` holds '#RRGGBB' hexes (the brand's colors as stored). */
export function snapToPalette(
  extracted: readonly ExtractedColor[],
  palette: readonly string[],
  options: SnapOptions = {},
): SnappedColor[] {
  const maxDeltaE00 = options.maxDeltaE00 ?? DEFAULT_MAX_DELTA_E00;
  if (!(maxDeltaE00 >= 0)) throw new RangeError(`maxDeltaE00 must be ≥ 0, got ${maxDeltaE00}`);
  const paletteLabs = palette.map((hex) => ({ hex, lab: hexToLab(hex) }));
  return extracted.map((color) => {
    let nearest: { hex: string; d: number } | null = null;
    for (const p of paletteLabs) {
      const d = deltaE00(color.lab, p.lab);
      if (!nearest || d < nearest.d) nearest = { hex: p.hex, d };
    }
    const onPalette = nearest !== null && nearest.d <= maxDeltaE00;
    return {
      hex: onPalette ? nearest!.hex : color.hex,
      coverage: color.coverage,
      onPalette,
      extractedHex: color.hex,
      nearestPaletteHex: nearest?.hex ?? null,
      deltaE00: nearest?.d ?? null,
    };
  });
}

// How much of an asset's visible area is in the brand's colors, in [0, 1]:
//
//   score = Σ coverageᵢ · creditᵢ / Σ coverageᵢ
//
//   creditᵢ = 0                                              off palette (ΔE00 > threshold)
//           = 1                                              ΔE00 ≤ 2.3 (one JND: looks identical)
//           = 1 − ½ · (ΔE00 − 2.3) / (threshold − 2.3)       in between: down to ½ at the threshold
//
// So an asset entirely in exact palette colors scores 1, one entirely off palette 0, and a match
// that is visibly but acceptably off counts for less than an exact one without falling off a
// cliff. Dividing by the coverage sum keeps it in [0, 1] whatever the rounding of the shares.
// Null when there is nothing to score (a fully transparent image).
import { DEFAULT_MAX_DELTA_E00, type SnappedColor, type SnapOptions } from "./snapToPalette.ts";

export const JND_DELTA_E00 = 2.3;

export function colorCredit(snapped: SnappedColor, maxDeltaE00 = DEFAULT_MAX_DELTA_E00): number {
  if (!snapped.onPalette || snapped.deltaE00 === null) return 0;
  if (snapped.deltaE00 <= JND_DELTA_E00 || maxDeltaE00 <= JND_DELTA_E00) return 1;
  return 1 - (0.5 * Math.min(1, (snapped.deltaE00 - JND_DELTA_E00) / (maxDeltaE00 - JND_DELTA_E00)));
}

/** Pass the same maxDeltaE00 the colors were snapped with. */
export function complianceScore(snapped: readonly SnappedColor[], options: SnapOptions = {}): number | null {
  const total = snapped.reduce((sum, c) => sum + c.coverage, 0);
  if (total === 0) return null;
  const credited = snapped.reduce((sum, c) => sum + c.coverage * colorCredit(c, options.maxDeltaE00), 0);
  return credited / total;
}

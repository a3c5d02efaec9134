import { describe, expect, it } from "vitest";
import { complianceScore } from "./complianceScore.ts";
import type { SnappedColor } from "./snapToPalette.ts";

const snapped = (coverage: number, deltaE00: number | null, onPalette: boolean): SnappedColor => ({
  hex: "#000000",
  extractedHex: "#000000",
  nearestPaletteHex: deltaE00 === null ? null : "#000000",
  coverage,
  deltaE00,
  onPalette,
});

describe("complianceScore", () => {
  it("is 1 for exact palette colors and 0 for an asset entirely off palette", () => {
    expect(complianceScore([snapped(0.6, 0, true), snapped(0.4, 2.3, true)])).toBe(1);
    expect(complianceScore([snapped(0.7, 12, false), snapped(0.3, null, false)])).toBe(0);
  });

  it("matches the hand-computed score for a mix of exact, near and off-palette colors", () => {
    // credit: ΔE 0 → 1; ΔE 1.2 → 1 (within one JND); ΔE 3.65 → 1 − ½·(3.65 − 2.3)/(5 − 2.3) = 0.75;
    // ΔE 5 → ½; off palette → 0. Score = 0.4·1 + 0.2·1 + 0.2·0.75 + 0.1·0.5 + 0.1·0 = 0.8.
    const colors = [snapped(0.4, 0, true), snapped(0.2, 1.2, true), snapped(0.2, 3.65, true), snapped(0.1, 5, true), snapped(0.1, 7, false)];
    expect(complianceScore(colors)).toBeCloseTo(0.8, 10);
  });

  it("scales the ΔE penalty to the threshold the colors were snapped with", () => {
    // ΔE 6.15 with threshold 10: credit 1 − ½·(6.15 − 2.3)/(10 − 2.3) = 0.75.
    expect(complianceScore([snapped(1, 6.15, true)], { maxDeltaE00: 10 })).toBeCloseTo(0.75, 10);
  });

  it("divides by the shares it was given, so rounded shares still score within [0, 1]", () => {
    expect(complianceScore([snapped(0.3334, 0, true), snapped(0.3334, 0, true), snapped(0.3334, 9, false)])).toBeCloseTo(2 / 3, 10);
  });

  it("is null when there is nothing to score", () => {
    expect(complianceScore([])).toBeNull();
  });
});

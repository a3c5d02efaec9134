import { describe, expect, it } from "vitest";
import type { ExtractedColor } from "./ColorExtractor.ts";
import { colorsByHex } from "./colorsByHex.ts";
import { hexToLab, labToHex, type Lab } from "./lab.ts";
import { snapToPalette } from "./snapToPalette.ts";

const color = (lab: Lab, coverage: number): ExtractedColor => ({ hex: labToHex(lab), lab, coverage });

// Neutral greys differ only in lightness, where CIEDE2000 is ΔL / S_L with
// S_L = 1 + 0.015 (L̄ − 50)² / √(20 + (L̄ − 50)²): by hand, L 50 vs 52 → L̄ = 51, S_L = 1 + 0.015/√21
// = 1.003273, ΔE00 = 2 / 1.003273 = 1.9935; L 50 vs 56 → L̄ = 53, S_L = 1 + 0.135/√29 = 1.025069,
// ΔE00 = 6 / 1.025069 = 5.8533.
const grey = (l: number): Lab => ({ l, a: 0, b: 0 });

describe("snapToPalette", () => {
  const palette = ["#1F4E79", labToHex(grey(50))];
  const paletteGrey = hexToLab(palette[1]!);

  it("matches a color within the threshold to its nearest palette color and flags the rest off palette", () => {
    // The palette grey is the hex nearest L 50; measure from it so the hand-computed values hold.
    const near = color(grey(paletteGrey.l + 2), 0.3);
    const far = color(grey(paletteGrey.l + 6), 0.2);
    const navy = color(hexToLab("#1F4E79"), 0.5);
    const snapped = snapToPalette([navy, near, far], palette, { maxDeltaE00: 5 });
    expect(snapped.map((s) => ({ ...s, deltaE00: Math.round(s.deltaE00! * 100) / 100 }))).toEqual([
      { hex: "#1F4E79", coverage: 0.5, onPalette: true, extractedHex: "#1F4E79", nearestPaletteHex: "#1F4E79", deltaE00: 0 },
      { hex: palette[1], coverage: 0.3, onPalette: true, extractedHex: near.hex, nearestPaletteHex: palette[1], deltaE00: 1.99 },
      { hex: far.hex, coverage: 0.2, onPalette: false, extractedHex: far.hex, nearestPaletteHex: palette[1], deltaE00: 5.85 },
    ]);
  });

  it("uses 5 as the default threshold: ΔE00 5.85 is off palette, and on palette when allowed 6", () => {
    const far = color(grey(paletteGrey.l + 6), 1);
    expect(snapToPalette([far], palette)[0]!.onPalette).toBe(false);
    expect(snapToPalette([far], palette, { maxDeltaE00: 6 })[0]!.onPalette).toBe(true);
  });

  it("keeps every color off palette, with no nearest, when the brand has no palette", () => {
    const [snapped] = snapToPalette([color(grey(40), 1)], []);
    expect(snapped).toMatchObject({ onPalette: false, nearestPaletteHex: null, deltaE00: null, hex: snapped!.extractedHex });
  });

  it("adds up the coverage of colors that snapped to the same palette color", () => {
    const snapped = snapToPalette(
      [color(grey(paletteGrey.l + 2), 0.25), color(hexToLab("#1F4E79"), 0.45), color(grey(paletteGrey.l - 2), 0.2), color(hexToLab("#E4572E"), 0.1)],
      palette,
    );
    expect(colorsByHex(snapped)).toEqual([
      { hex: palette[1], coverage: 0.45, onPalette: true },
      { hex: "#1F4E79", coverage: 0.45, onPalette: true },
      { hex: "#E4572E", coverage: 0.1, onPalette: false },
    ]);
  });
});

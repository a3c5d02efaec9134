import { describe, expect, it } from "vitest";
import { deltaE00, hexToLab, labToHex, rgbToLab } from "./lab.ts";

describe("lab", () => {
  // Sharma, Wu & Dalal (2005), the CIEDE2000 implementation notes' test pairs 1, 7 and 17.
  it.each([
    [{ l: 50, a: 2.6772, b: -79.7751 }, { l: 50, a: 0, b: -82.7485 }, 2.0425],
    [{ l: 50, a: 0, b: 0 }, { l: 50, a: -1, b: 2 }, 2.3669],
    [{ l: 50, a: 2.5, b: 0 }, { l: 73, a: 25, b: -18 }, 27.1492],
  ])("computes CIEDE2000 as the reference data gives it (%o vs %o)", (x, y, expected) => {
    expect(deltaE00(x, y)).toBeCloseTo(expected, 4);
  });

  it("round-trips sRGB hexes through CIELAB", () => {
    for (const hex of ["#000000", "#FFFFFF", "#1F4E79", "#E4572E", "#7B2CBF"]) expect(labToHex(hexToLab(hex))).toBe(hex);
  });

  it("puts sRGB white at L 100 and red where CIELAB (D65) has it", () => {
    expect(rgbToLab(255, 255, 255).l).toBeCloseTo(100, 3);
    const red = rgbToLab(255, 0, 0);
    expect([red.l, red.a, red.b].map((v) => Math.round(v * 100) / 100)).toEqual([53.24, 80.09, 67.2]);
  });
});

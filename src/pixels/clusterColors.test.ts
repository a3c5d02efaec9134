import { describe, expect, it } from "vitest";
import { clusterColors, type ClusterOptions } from "./clusterColors.ts";
import { deltaE00, hexToLab, labToHex } from "./lab.ts";
import { rgbOf, stripes } from "./syntheticImages.ts";

const options: ClusterOptions = { maxColors: 8, minCoverage: 0.01, mergeDeltaE00: 5, initialClusters: 16 };

/** RGBA samples of vertical stripes, optionally with every pixel at one alpha. */
function rgbaStripes(width: number, height: number, colors: { hex: string; share: number }[], alpha = 255): Uint8Array {
  const rgb = stripes(width, height, colors);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = alpha;
  }
  return rgba;
}

const summary = (rgba: Uint8Array, o = options) => clusterColors(rgba, o).colors.map((c) => [labToHex(c.lab), Math.round(c.coverage * 1000) / 1000]);

describe("clusterColors", () => {
  it("keeps a flat color that lies on the line between two others (orange between red and yellow)", () => {
    const rgba = rgbaStripes(200, 50, [
      { hex: "#FF0000", share: 0.4 },
      { hex: "#FF8000", share: 0.2 },
      { hex: "#FFFF00", share: 0.4 },
    ]);
    expect(summary(rgba)).toEqual([
      ["#FF0000", 0.4],
      ["#FFFF00", 0.4],
      ["#FF8000", 0.2],
    ]);
  });

  it("splits a ramp's pixels between the colors it runs between, by how far along they are", () => {
    // 100 columns: 40 of A, a 20-column ramp A→B, 40 of B. Each half of the ramp goes to its end.
    const [a, b] = [rgbOf("#2A9D8F"), rgbOf("#E76F51")];
    const rgba = new Uint8Array(100 * 10 * 4);
    for (let x = 0; x < 100; x++) {
      const t = x < 40 ? 0 : x >= 60 ? 1 : (x - 40 + 0.5) / 20;
      for (let y = 0; y < 10; y++) rgba.set([...a.map((v, i) => Math.round(v + (b[i]! - v) * t)), 255], (y * 100 + x) * 4);
    }
    // The ends' own means lean a little toward the ramp (their nearest ramp pixels join them in
    // k-means), well under one JND.
    const colors = clusterColors(rgba, options).colors;
    expect(colors.map((c) => [deltaE00(c.lab, hexToLab(["#2A9D8F", "#E76F51"][colors.indexOf(c)]!)) < 0.5, c.coverage])).toEqual([
      [true, expect.closeTo(0.5, 2)],
      [true, expect.closeTo(0.5, 2)],
    ]);
  });

  it("summarises an edge-to-edge gradient as two colors toward its ends, half the area each", () => {
    const [a, b] = [rgbOf("#2A9D8F"), rgbOf("#E76F51")];
    const rgba = new Uint8Array(256 * 10 * 4);
    for (let x = 0; x < 256; x++) {
      const t = (x + 0.5) / 256;
      for (let y = 0; y < 10; y++) rgba.set([...a.map((v, i) => Math.round(v + (b[i]! - v) * t)), 255], (y * 256 + x) * 4);
    }
    const [first, second, ...more] = clusterColors(rgba, options).colors;
    expect(more).toEqual([]);
    const [labA, labB] = [hexToLab("#2A9D8F"), hexToLab("#E76F51")];
    expect(deltaE00(first!.lab, labA)).toBeLessThan(deltaE00(first!.lab, labB));
    expect(deltaE00(second!.lab, labB)).toBeLessThan(deltaE00(second!.lab, labA));
    expect([first!.coverage, second!.coverage]).toEqual([expect.closeTo(0.5, 1), expect.closeTo(0.5, 1)]);
  });

  it("reports a small accent above minCoverage and folds one below it into its neighbours", () => {
    const withAccent = (share: number) =>
      rgbaStripes(400, 20, [
        { hex: "#FFFFFF", share: 0.8 - share },
        { hex: "#003366", share: 0.2 },
        { hex: "#FF6600", share },
      ]);
    expect(summary(withAccent(0.015))).toEqual([
      ["#FFFFFF", 0.785],
      ["#003366", 0.2],
      ["#FF6600", 0.015],
    ]);
    expect(summary(withAccent(0.015), { ...options, minCoverage: 0.02 }).map(([hex]) => hex)).toEqual(["#FFFFFF", "#003366"]);
  });

  it("counts a semi-transparent pixel by its alpha and a transparent one not at all", () => {
    // Left half opaque navy; right half: red at alpha 128 on the top half, nothing below.
    const [w, h] = [100, 100];
    const rgba = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const px = x < 50 ? [0x1f, 0x4e, 0x79, 255] : y < 50 ? [0xd1, 0x49, 0x5b, 128] : [0, 0, 0, 0];
        rgba.set(px, (y * w + x) * 4);
      }
    }
    // Weights: navy 5000 × 1, red 2500 × 128/255 = 1254.9; visible share (5000 + 1254.9) / 10000.
    const result = clusterColors(rgba, options);
    expect(result.opaqueShare).toBeCloseTo(0.62549, 5);
    expect(result.colors.map((c) => [labToHex(c.lab), c.coverage])).toEqual([
      ["#1F4E79", expect.closeTo(5000 / 6254.902, 6)],
      ["#D1495B", expect.closeTo(1254.902 / 6254.902, 6)],
    ]);
  });

  it("returns no colors for a fully transparent sample and one for a single pixel", () => {
    expect(clusterColors(new Uint8Array(16), options)).toEqual({ colors: [], opaqueShare: 0 });
    expect(summary(new Uint8Array([0x12, 0x34, 0x56, 255]))).toEqual([["#123456", 1]]);
  });
});

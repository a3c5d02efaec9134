// The accuracy suite: images with a known answer (syntheticImages.ts), through the extractor the
// gateway runs (sharp decoding, clustering in its thread). For each image, every ground-truth color
// with ≥ 5% coverage is found within one JND (ΔE00 ≤ 2.3) and within ±3 percentage points of its
// coverage, and no color that matches nothing in the ground truth is reported above 2%.
import { afterAll, describe, expect, it } from "vitest";
import { defaultColorExtractionSettings } from "./colorExtractionSettings.ts";
import { createColorExtractor } from "./createColorExtractor.ts";
import type { Extraction } from "./ColorExtractor.ts";
import { deltaE00, hexToLab } from "./lab.ts";
import * as synthetic from "./syntheticImages.ts";

const extractor = createColorExtractor(defaultColorExtractionSettings);
afterAll(() => extractor.close());

const JND = 2.3;

/** What went wrong, in words; empty when the extraction meets the bar. */
function accuracyFailures(image: synthetic.SyntheticImage, extraction: Extraction): string[] {
  const failures: string[] = [];
  for (const truth of image.truth.filter((t) => t.coverage >= 0.05)) {
    const found = extraction.colors.find((c) => deltaE00(c.lab, hexToLab(truth.hex)) <= JND);
    if (!found) failures.push(`${truth.hex} (${pct(truth.coverage)}) not found`);
    else if (Math.abs(found.coverage - truth.coverage) > 0.03) failures.push(`${truth.hex}: coverage ${pct(found.coverage)}, truth ${pct(truth.coverage)}`);
  }
  for (const color of extraction.colors.filter((c) => c.coverage > 0.02)) {
    if (!image.truth.some((t) => deltaE00(color.lab, hexToLab(t.hex)) <= JND)) failures.push(`phantom ${color.hex} at ${pct(color.coverage)}`);
  }
  return failures;
}

const pct = (share: number) => `${(share * 100).toFixed(2)}%`;

type Case = { readonly name: string; readonly make: () => Promise<synthetic.SyntheticImage> };
const suite: Case[] = [
  { name: "flat regions in known proportions", make: () => synthetic.flatRegions() },
  { name: "a gradient between two flat colors", make: () => synthetic.gradientBand() },
  { name: "anti-aliased shapes", make: () => synthetic.antiAliasedShapes() },
  { name: "text", make: () => synthetic.text() },
  { name: "Gaussian noise", make: () => synthetic.gaussianNoise() },
  { name: "a PNG with alpha", make: () => synthetic.pngWithAlpha() },
  ...[60, 75, 90].flatMap((q): Case[] => [
    { name: `flat regions as JPEG q${q}`, make: () => synthetic.flatRegions("jpeg", q) },
    { name: `anti-aliased shapes as JPEG q${q}`, make: () => synthetic.antiAliasedShapes("jpeg", q) },
    { name: `text as JPEG q${q}`, make: () => synthetic.text("jpeg", q) },
    { name: `Gaussian noise as JPEG q${q}`, make: () => synthetic.gaussianNoise(12, "jpeg", q) },
  ]),
];

describe("createColorExtractor: accuracy on images with a known answer", () => {
  it.each(suite)("finds the colors of $name within one JND and ±3 points, with no phantom above 2%", async ({ make }) => {
    const image = await make();
    const extraction = await extractor.extract(image.image);
    expect(accuracyFailures(image, extraction)).toEqual([]);
  });

  it("draws the text it claims to: the fonts are there and the ink covers over 5%", async () => {
    const { truth } = await synthetic.text();
    expect(truth[1]!.coverage).toBeGreaterThan(0.05);
  });
});

describe("createColorExtractor", () => {
  it("reports each color's hex, CIELAB and coverage, shares summing to the whole visible area", async () => {
    const { image } = await synthetic.flatRegions();
    const extraction = await extractor.extract(image);
    expect(extraction).toMatchObject({ format: "png", width: 400, height: 300, opaqueShare: 1, method: "cielab-kmeans/1" });
    expect(extraction.colors.map((c) => [c.hex, c.coverage])).toEqual([
      ["#1F4E79", 0.4501],
      ["#F2C14E", 0.2995],
      ["#D1495B", 0.1504],
      ["#EDEAE5", 0.1001],
    ]);
    expect(extraction.colors.reduce((s, c) => s + c.coverage, 0)).toBeCloseTo(1, 3);
  });

  it("keeps a small headline color when an edge-to-edge gradient is cut into many pieces", async () => {
    // The poster: background, a full-width gradient, a circle, a square and a 2–3% headline.
    const extraction = await extractor.extract(await synthetic.poster(512, "png"));
    const ink = extraction.colors.find((c) => deltaE00(c.lab, hexToLab("#1B1B3A")) <= JND);
    expect(ink?.coverage).toBeGreaterThan(0.01);
    expect(extraction.colors.length).toBeLessThanOrEqual(6);
  });

  it("gives the same answer for the same image every time", async () => {
    const { image } = await synthetic.gaussianNoise(12, "jpeg", 75);
    const [first, second] = await Promise.all([extractor.extract(image), extractor.extract(image)]);
    expect(second).toEqual(first);
  });

  it("reports at most maxColors, folding the rest into them", async () => {
    const { image } = await synthetic.flatRegions();
    const extraction = await extractor.extract(image, { maxColors: 2 });
    expect(extraction.colors.map((c) => c.hex)).toEqual(["#1F4E79", "#F2C14E"]);
    expect(extraction.colors.reduce((s, c) => s + c.coverage, 0)).toBeCloseTo(1, 3);
  });

  it("counts nothing of a fully transparent image", async () => {
    const sharp = (await import("sharp")).default;
    const image = await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 9, g: 9, b: 9, alpha: 0 } } }).png().toBuffer();
    expect(await extractor.extract(image)).toMatchObject({ colors: [], opaqueShare: 0 });
  });

  it("rejects bad input with the image's error, not a thread failure", async () => {
    await expect(extractor.extract(Buffer.from("GIF89a\x01\x00\x01\x00"))).rejects.toMatchObject({ name: "ImageRejectedError", code: "UNSUPPORTED_IMAGE_FORMAT", field: "image" });
  });
});

// The pixel color extractor: sharp decodes and downscales on libuv's thread pool, a ClusterPool
// thread clusters; the event loop only hands bytes between them. See docs/color-extraction.md.
import sharp from "sharp";
import { ClusterPool } from "./ClusterPool.ts";
import type { ColorExtractor, Extraction, ExtractOptions } from "./ColorExtractor.ts";
import type { ColorExtractionSettings } from "./colorExtractionSettings.ts";
import { decodeSamples } from "./decodeSamples.ts";
import { labToHex } from "./lab.ts";
import { limitConcurrency } from "./limitConcurrency.ts";

/** Bump when a change to the method can change its answers. */
export const PIXEL_EXTRACTION_METHOD = "cielab-kmeans/1";

// 0.01 percentage points: finer than anyone reads a share, coarse enough to store and compare.
const roundShare = (share: number) => Math.round(share * 10_000) / 10_000;

export function createColorExtractor(settings: ColorExtractionSettings): ColorExtractor {
  const pool = new ClusterPool(settings.threads);
  sharp.concurrency(settings.vipsThreads);
  const decode = limitConcurrency(settings.concurrency);
  return {
    async extract(image: Buffer, options: ExtractOptions = {}): Promise<Extraction> {
      const maxColors = options.maxColors ?? settings.maxColors;
      if (!Number.isInteger(maxColors) || maxColors < 1) throw new RangeError(`maxColors must be a positive integer, got ${maxColors}`);
      const samples = await decode(() => decodeSamples(image, settings));
      const clustered = await pool.run(samples.rgba, {
        maxColors,
        minCoverage: settings.minCoverage,
        mergeDeltaE00: settings.mergeDeltaE00,
        initialClusters: settings.initialClusters,
      });
      return {
        colors: clustered.colors.map(({ lab, coverage }) => ({ hex: labToHex(lab), lab, coverage: roundShare(coverage) })),
        format: samples.format,
        width: samples.width,
        height: samples.height,
        opaqueShare: roundShare(clustered.opaqueShare),
        method: PIXEL_EXTRACTION_METHOD,
      };
    },
    close: () => pool.close(),
  };
}

// The pixel color extractor: decoding (sharp) and clustering run in a pool of processes at a lower
// CPU priority than the gateway's (ExtractionProcessPool), so a burst of uploads takes the cores
// requests leave idle, not theirs; the event loop only hands bytes over. See docs/color-extraction.md.
import type { ColorExtractor, Extraction, ExtractOptions } from "./ColorExtractor.ts";
import type { ColorExtractionSettings } from "./colorExtractionSettings.ts";
import { ExtractionProcessPool } from "./ExtractionProcessPool.ts";
import { labToHex } from "./lab.ts";

/** Bump when a change to the method can change its answers. */
export const PIXEL_EXTRACTION_METHOD = "cielab-kmeans/1";

// 0.01 percentage points: finer than anyone reads a share, coarse enough to store and compare.
const roundShare = (share: number) => Math.round(share * 10_000) / 10_000;

export interface PixelColorExtractor extends ColorExtractor {
  /** The extraction processes running now (for tests and operators). */
  processIds(): number[];
}

export function createColorExtractor(settings: ColorExtractionSettings): PixelColorExtractor {
  const pool = new ExtractionProcessPool(settings);
  return {
    async extract(image: Buffer, options: ExtractOptions = {}): Promise<Extraction> {
      const maxColors = options.maxColors ?? settings.maxColors;
      if (!Number.isInteger(maxColors) || maxColors < 1) throw new RangeError(`maxColors must be a positive integer, got ${maxColors}`);
      const { image: decoded, clustered } = await pool.run(image, maxColors);
      return {
        colors: clustered.colors.map(({ lab, coverage }) => ({ hex: labToHex(lab), lab, coverage: roundShare(coverage) })),
        format: decoded.format,
        width: decoded.width,
        height: decoded.height,
        opaqueShare: roundShare(clustered.opaqueShare),
        method: PIXEL_EXTRACTION_METHOD,
      };
    },
    processIds: () => pool.processIds(),
    close: () => pool.close(),
  };
}

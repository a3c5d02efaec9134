// The knobs of pixel color extraction and why each default is what it is. The gateway's config
// module owns reading them from the environment; this module only names them.

export interface ColorExtractionSettings {
  /** Refused above this many pixels (width × height from the header), before any decoding. */
  readonly maxInputPixels: number;
  /** The longer side of the downscaled sample the colors are counted on. */
  readonly sampleSide: number;
  /** At most this many colors are reported. */
  readonly maxColors: number;
  /** Colors covering less of the visible area are folded into their neighbours. */
  readonly minCoverage: number;
  /** Extracted colors closer than this (CIEDE2000) are one color. */
  readonly mergeDeltaE00: number;
  /** k-means starts from this many clusters, more than an image's colors, then merges down. */
  readonly initialClusters: number;
  /** Extraction processes (ExtractionProcessPool): images read at once; more wait in line. */
  readonly processes: number;
  /** The processes' nice value (0–19): above the gateway's 0, they get a core only when requests leave one. */
  readonly nice: number;
  /** An extraction not answered in this time (from its process being ready) is stopped: the process is killed and replaced. */
  readonly timeoutMs: number;
  /** libvips threads one decode may use (sharp.concurrency, per process). */
  readonly vipsThreads: number;
}

export const defaultColorExtractionSettings: ColorExtractionSettings = Object.freeze({
  // 50 MP admits a 48 MP phone photo and an 8K frame (33 MP); a decompression bomb claims far more.
  maxInputPixels: 50_000_000,
  // 65,536 samples: one pixel is 0.0015% of the area, and JPEG shrink-on-load reaches it cheaply.
  sampleSide: 256,
  maxColors: 8,
  // Below 1% a "color" is more often a JPEG halo or an edge than a brand accent.
  minCoverage: 0.01,
  // JPEG q60 moves a flat color by up to ~1.3 and noise splits a flat color into clusters ~3 apart;
  // a brand palette rarely holds two colors closer than 5.
  mergeDeltaE00: 5,
  initialClusters: 16,
  // One bounds a burst to one of two cores even with nothing else to run; a second process gave
  // no steady gain in images per second at nice 10 on the loaded bench machine (docs/color-extraction.md).
  processes: 1,
  // Weight 110 against a request's 1024 under Linux's scheduler: about a tenth of a contended core.
  nice: 10,
  // A 50 MP PNG decodes in a few seconds on one thread; far past that, the process is stuck.
  timeoutMs: 30_000,
  // Each process decodes one image at a time on one libvips thread, so `processes` bounds the cores
  // extraction can take.
  vipsThreads: 1,
});

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
  /** Images decoded at once (on libuv's pool); more wait. */
  readonly concurrency: number;
  /** Clustering threads (about a fifth of an extraction's time is clustering). */
  readonly threads: number;
  /** libvips threads one decode may use (sharp.concurrency, process-wide). */
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
  // One image decoding while the one before it clusters: a burst keeps about one core busy and
  // leaves the other to requests (see docs/color-extraction.md for the throughput of more).
  concurrency: 1,
  threads: 1,
  // libvips would otherwise spread one decode over every core; one keeps a burst of uploads to
  // about one core, so concurrent readers keep theirs (the bench's readers-during-a-burst check).
  vipsThreads: 1,
});

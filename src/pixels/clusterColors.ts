// From a decoded sample to its dominant colors: histogram → k-means in CIELAB → merge near
// clusters → prune slivers and blends. Pure and synchronous: it runs in an extraction
// process (extractionProcess.ts), and the tests call it directly.
import { buildHistogram } from "./buildHistogram.ts";
import { clustersFromAssignment, massOf } from "./colorClusters.ts";
import { mergeCloseClusters } from "./mergeCloseClusters.ts";
import { pruneClusters } from "./pruneClusters.ts";
import type { Lab } from "./lab.ts";
import { lloyd, seedCentroids } from "./weightedKMeans.ts";

export interface ClusterOptions {
  /** At most this many colors are reported. */
  readonly maxColors: number;
  /** Colors covering less of the visible area are folded into their neighbours. */
  readonly minCoverage: number;
  /** Clusters closer than this are one color. */
  readonly mergeDeltaE00: number;
  /** How many clusters k-means starts from: more than any image's colors, then merged down. */
  readonly initialClusters: number;
}

export interface ClusteredColor {
  readonly lab: Lab;
  /** Share of the visible (alpha-weighted) area, 0–1; the colors' shares sum to 1. */
  readonly coverage: number;
}

export interface ClusterResult {
  /** By coverage, largest first. */
  readonly colors: ClusteredColor[];
  /** The visible share of the sample: 1 for an opaque image, 0 for a fully transparent one. */
  readonly opaqueShare: number;
}

export function clusterColors(rgba: Uint8Array, options: ClusterOptions): ClusterResult {
  const histogram = buildHistogram(rgba);
  if (histogram.totalWeight === 0) return { colors: [], opaqueShare: 0 };
  const seeds = seedCentroids(histogram.lab, histogram.weight, options.initialClusters);
  const { centroids, assignment } = lloyd(histogram.lab, histogram.weight, seeds);
  const clusters = clustersFromAssignment(histogram, assignment, centroids.length / 3);
  const merged = mergeCloseClusters(histogram, clusters, options.mergeDeltaE00);
  const kept = pruneClusters(histogram, merged, options);
  const colors = kept
    .map((c) => ({ lab: { l: c.lab[0], a: c.lab[1], b: c.lab[2] }, coverage: massOf(c) / histogram.totalWeight }))
    .sort((x, y) => y.coverage - x.coverage);
  return { colors, opaqueShare: histogram.totalWeight / histogram.pixels };
}

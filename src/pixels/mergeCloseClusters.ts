// k-means is run with more clusters than an image has colors, so one flat color with noise is
// often cut in two or three. Clusters closer than `mergeDeltaE00` are one color: the closest pair
// is merged, then k-means settles again from the merged centroids, until no pair is that close.
import type { Histogram } from "./buildHistogram.ts";
import { clusterOf, clustersFromAssignment, type ColorCluster } from "./colorClusters.ts";
import { deltaE00 } from "./lab.ts";
import { lloyd } from "./weightedKMeans.ts";

const asLab = (c: ColorCluster) => ({ l: c.lab[0], a: c.lab[1], b: c.lab[2] });

function closestPair(clusters: readonly ColorCluster[]): { i: number; j: number; d: number } | null {
  let best: { i: number; j: number; d: number } | null = null;
  for (let i = 0; i < clusters.length; i++) {
    for (let j = i + 1; j < clusters.length; j++) {
      const d = deltaE00(asLab(clusters[i]!), asLab(clusters[j]!));
      if (!best || d < best.d) best = { i, j, d };
    }
  }
  return best;
}

export function mergeCloseClusters(histogram: Histogram, start: ColorCluster[], mergeDeltaE00: number): ColorCluster[] {
  let clusters = start;
  for (let round = 0; round < 16; round++) {
    let merged = false;
    for (let pair = closestPair(clusters); pair && pair.d < mergeDeltaE00; pair = closestPair(clusters)) {
      const { i, j } = pair;
      const union = clusterOf(histogram, [...clusters[i]!.members, ...clusters[j]!.members]);
      clusters = clusters.filter((_, m) => m !== i && m !== j).concat(union);
      merged = true;
    }
    if (!merged) return clusters;
    const centroids = new Float64Array(clusters.flatMap((c) => [...c.lab]));
    const settled = lloyd(histogram.lab, histogram.weight, centroids);
    clusters = clustersFromAssignment(histogram, settled.assignment, settled.centroids.length / 3);
  }
  return clusters;
}

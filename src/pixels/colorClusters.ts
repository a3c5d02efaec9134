// A cluster of histogram bins, with the two means the later steps need: CIELAB for how it looks
// (its reported color, merging, snapping) and sRGB for how it mixes (anti-aliasing, gradients,
// resampling and JPEG all blend the gamma-encoded sRGB values, so blends lie on sRGB lines).
import type { Histogram } from "./buildHistogram.ts";

export interface ColorCluster {
  readonly lab: readonly [number, number, number];
  readonly rgb: readonly [number, number, number];
  /** The bins k-means assigned to it: they define its color. */
  readonly members: readonly number[];
  /** Area it stands for, as [bin, weight] pairs: its members and whatever it absorbed. */
  readonly holds: [bin: number, weight: number][];
}

export function clusterOf(histogram: Histogram, members: readonly number[]): ColorCluster {
  const lab: [number, number, number] = [0, 0, 0];
  const rgb: [number, number, number] = [0, 0, 0];
  let mass = 0;
  for (const i of members) {
    const w = histogram.weight[i]!;
    mass += w;
    for (let c = 0; c < 3; c++) {
      lab[c]! += w * histogram.lab[i * 3 + c]!;
      rgb[c]! += w * histogram.rgb[i * 3 + c]!;
    }
  }
  for (let c = 0; c < 3; c++) {
    lab[c]! /= mass;
    rgb[c]! /= mass;
  }
  return { lab, rgb, members, holds: members.map((i) => [i, histogram.weight[i]!]) };
}

export const massOf = (cluster: ColorCluster) => cluster.holds.reduce((sum, [, w]) => sum + w, 0);

export function clustersFromAssignment(histogram: Histogram, assignment: Int32Array, k: number): ColorCluster[] {
  const members: number[][] = Array.from({ length: k }, () => []);
  assignment.forEach((j, i) => members[j]!.push(i));
  return members.filter((m) => m.length > 0).map((m) => clusterOf(histogram, m));
}

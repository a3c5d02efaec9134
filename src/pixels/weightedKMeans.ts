// Weighted k-means (Lloyd) over points in CIELAB, with Euclidean distance (ΔE76) as the cheap
// stand-in for CIEDE2000 inside the loop. Seeding is deterministic, so one image always gives one
// answer: the heaviest point first, then each next seed is the point with the largest
// weight × squared distance to its nearest seed (k-means++'s criterion, taken greedily instead of
// sampled). Heavy, distinct colors are seeded before light outliers.

/** 3 coordinates a point or centroid. */
export type Points = Float64Array;

export interface KMeansResult {
  readonly centroids: Points;
  /** The centroid index of each point. */
  readonly assignment: Int32Array;
}

const dist2 = (p: Points, i: number, c: Points, j: number) => {
  const dl = p[i * 3]! - c[j * 3]!;
  const da = p[i * 3 + 1]! - c[j * 3 + 1]!;
  const db = p[i * 3 + 2]! - c[j * 3 + 2]!;
  return dl * dl + da * da + db * db;
};

export function seedCentroids(points: Points, weights: Float64Array, k: number): Points {
  const n = weights.length;
  const seeds: number[] = [];
  let heaviest = 0;
  for (let i = 1; i < n; i++) if (weights[i]! > weights[heaviest]!) heaviest = i;
  if (n > 0) seeds.push(heaviest);
  const nearest = new Float64Array(n).fill(Infinity);
  while (seeds.length < Math.min(k, n)) {
    const last = seeds[seeds.length - 1]!;
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < n; i++) {
      const d = dist2(points, i, points, last);
      if (d < nearest[i]!) nearest[i] = d;
      const score = weights[i]! * nearest[i]!;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) break; // every point coincides with a seed
    seeds.push(best);
  }
  const centroids = new Float64Array(seeds.length * 3);
  seeds.forEach((s, j) => centroids.set(points.subarray(s * 3, s * 3 + 3), j * 3));
  return centroids;
}

/** Lloyd's iterations from the given centroids; clusters left empty are dropped. */
export function lloyd(points: Points, weights: Float64Array, initial: Points, maxIterations = 30): KMeansResult {
  const n = weights.length;
  let centroids = initial;
  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const k = centroids.length / 3;
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        const d = dist2(points, i, centroids, j);
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      }
      if (assignment[i] !== best) {
        assignment[i] = best;
        changed = true;
      }
    }
    const sums = new Float64Array(k * 3);
    const mass = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const j = assignment[i]!;
      const w = weights[i]!;
      mass[j]! += w;
      for (let c = 0; c < 3; c++) sums[j * 3 + c]! += w * points[i * 3 + c]!;
    }
    const kept: number[] = [];
    for (let j = 0; j < k; j++) if (mass[j]! > 0) kept.push(j);
    const next = new Float64Array(kept.length * 3);
    const renumber = new Int32Array(k).fill(-1);
    kept.forEach((j, m) => {
      renumber[j] = m;
      for (let c = 0; c < 3; c++) next[m * 3 + c] = sums[j * 3 + c]! / mass[j]!;
    });
    for (let i = 0; i < n; i++) assignment[i] = renumber[assignment[i]!]!;
    centroids = next;
    if (!changed && kept.length === k) break;
  }
  return { centroids, assignment };
}

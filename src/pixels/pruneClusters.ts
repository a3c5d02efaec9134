// After k-means and merging, some clusters are not colors anyone painted:
//  - slivers below `minCoverage` (noise, JPEG ringing, the odd stray pixel);
//  - blends: anti-aliased edges, gradients and resampling put pixels on the sRGB line between two
//    colors. A cluster is a blend when its mean lies on the line between two heavier clusters and
//    either its own pixels spread along that line (a ramp) or it holds less than half of the area
//    on that line (one piece of a ramp cut into several). A flat color that happens to sit between
//    two others (orange between red and yellow) is tight and holds nearly all of its line, so it
//    stays a color.
//  - beyond `maxColors`, the smallest, once no sliver or blend is left.
// The lightest such cluster is removed and the area it held is handed on, one bin at a time: a
// blend's bins are split between its two ends by where they lie on the line (a pixel 30% of the
// way from A to B is 0.7 of A's area and 0.3 of B's, exactly what an edge pixel covering 30% of
// it shows); a sliver's go to the nearest cluster, or are split the same way between the two they
// lie between. Then the next is looked at. So coverage shares always sum to the visible area.
import type { Histogram } from "./buildHistogram.ts";
import { massOf, type ColorCluster } from "./colorClusters.ts";

export interface PruneOptions {
  readonly minCoverage: number;
  readonly maxColors: number;
}

// A blend's mean sits within this distance (sRGB levels) of the line, or 10% of the line's length
// for long lines, allowing for JPEG's chroma subsampling bending edges slightly off it.
const LINE_TOLERANCE = 10;
const LINE_TOLERANCE_SHARE = 0.1;
// Blends are strictly inside the line, not at its ends.
const BLEND_T = [0.02, 0.98] as const;
// A ramp spreads at least this far along the line (sRGB levels, std. dev.) and twice as far as
// across it; noise on a flat color spreads about equally in every direction.
const MIN_RAMP_SPREAD = 4;
const RAMP_ANISOTROPY = 2;
// Lines that pass within this many sRGB levels of each other through a blend are equally its own.
const SAME_LINE = 3;
// A color holds at least this share of the area on the line between its two neighbours.
const HOLDS_MOST = 0.5;

type Vec = readonly [number, number, number];
const sub = (x: Vec, y: Vec): Vec => [x[0] - y[0], x[1] - y[1], x[2] - y[2]];
const dot = (x: Vec, y: Vec) => x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
const binRgb = (h: Histogram, i: number): Vec => [h.rgb[i * 3]!, h.rgb[i * 3 + 1]!, h.rgb[i * 3 + 2]!];

/** Where p lies on the line a→b (t) and how far off it (sRGB levels). */
function onLine(p: Vec, a: Vec, b: Vec): { t: number; off: number; length: number } {
  const ab = sub(b, a);
  const length2 = dot(ab, ab);
  if (length2 === 0) return { t: 0, off: Math.sqrt(dot(sub(p, a), sub(p, a))), length: 0 };
  const t = dot(sub(p, a), ab) / length2;
  const ap = sub(p, a);
  const off2 = Math.max(0, dot(ap, ap) - t * t * length2);
  return { t, off: Math.sqrt(off2), length: Math.sqrt(length2) };
}

/**
 * The two heavier clusters c is a blend of. Of the pairs whose line passes through c, the one it
 * lies closest to (a ramp's or an edge's own line, not one that merely passes near); among lines
 * it lies on about equally well, the longest (a ramp's ends, not its neighbouring pieces).
 */
function blendEnds(histogram: Histogram, c: ColorCluster, heavier: readonly ColorCluster[], lines: LineMasses): [ColorCluster, ColorCluster] | null {
  const candidates: { ends: [ColorCluster, ColorCluster]; off: number; length: number }[] = [];
  for (let i = 0; i < heavier.length; i++) {
    for (let j = i + 1; j < heavier.length; j++) {
      const [a, b] = [heavier[i]!, heavier[j]!];
      if (!between(c.rgb, a.rgb, b.rgb)) continue;
      const line = onLine(c.rgb, a.rgb, b.rgb);
      if (isRampAlong(histogram, c, sub(b.rgb, a.rgb)) || !holdsMostOfLine(histogram, c, a, b, lines)) candidates.push({ ends: [a, b], ...line });
    }
  }
  if (candidates.length === 0) return null;
  const closest = Math.min(...candidates.map((l) => l.off));
  const onItAlike = candidates.filter((l) => l.off <= closest + SAME_LINE);
  return onItAlike.reduce((x, y) => (y.length > x.length ? y : x)).ends;
}

function between(p: Vec, a: Vec, b: Vec): boolean {
  const { t, off, length } = onLine(p, a, b);
  return t >= BLEND_T[0] && t <= BLEND_T[1] && off <= Math.max(LINE_TOLERANCE, LINE_TOLERANCE_SHARE * length);
}

/**
 * A gradient cut into several clusters leaves each piece too narrow to look like a ramp on its
 * own, but the pieces share the line: a real color holds most of the area between its two
 * neighbours' colors (its anti-aliased edges are thin), a piece of a ramp only its stretch.
 */
function holdsMostOfLine(histogram: Histogram, c: ColorCluster, a: ColorCluster, b: ColorCluster, lines: LineMasses): boolean {
  let own = 0;
  for (const i of c.members) if (between(binRgb(histogram, i), a.rgb, b.rgb)) own += histogram.weight[i]!;
  return own >= HOLDS_MOST * lines.massBetween(a, b);
}

/**
 * The area on the line between two clusters, once per pair: it depends only on their members,
 * which pruning never changes, and every lighter cluster asks about the same pairs.
 */
class LineMasses {
  private readonly known = new Map<ColorCluster, Map<ColorCluster, number>>();

  constructor(private readonly histogram: Histogram) {}

  /** The mass of the bins on the line a→b that are neither a's nor b's. */
  massBetween(a: ColorCluster, b: ColorCluster): number {
    const fromA = this.known.get(a) ?? new Map<ColorCluster, number>();
    this.known.set(a, fromA);
    let mass = fromA.get(b);
    if (mass === undefined) {
      const ends = new Set([...a.members, ...b.members]);
      mass = 0;
      for (let i = 0; i < this.histogram.bins; i++) {
        if (!ends.has(i) && between(binRgb(this.histogram, i), a.rgb, b.rgb)) mass += this.histogram.weight[i]!;
      }
      fromA.set(b, mass);
    }
    return mass;
  }
}

function isRampAlong(histogram: Histogram, c: ColorCluster, direction: Vec): boolean {
  const norm = Math.sqrt(dot(direction, direction));
  const u: Vec = [direction[0] / norm, direction[1] / norm, direction[2] / norm];
  let mass = 0;
  let along2 = 0;
  let across2 = 0;
  for (const i of c.members) {
    const w = histogram.weight[i]!;
    const d = sub(binRgb(histogram, i), c.rgb);
    const along = dot(d, u);
    mass += w;
    along2 += w * along * along;
    across2 += w * Math.max(0, dot(d, d) - along * along);
  }
  const spreadAlong = Math.sqrt(along2 / mass);
  const spreadAcross = Math.sqrt(across2 / mass);
  return spreadAlong >= MIN_RAMP_SPREAD && spreadAlong >= RAMP_ANISOTROPY * spreadAcross;
}

/** Splits each held bin between a blend's two ends by where it lies on the line between them. */
function handAlong(histogram: Histogram, holds: ColorCluster["holds"], [a, b]: [ColorCluster, ColorCluster]) {
  for (const [bin, weight] of holds) {
    const t = Math.min(1, Math.max(0, onLine(binRgb(histogram, bin), a.rgb, b.rgb).t));
    if (t < 1) a.holds.push([bin, weight * (1 - t)]);
    if (t > 0) b.holds.push([bin, weight * t]);
  }
}

/** Hands each held bin to the nearest cluster, or splits it between two when it lies between them. */
function handOn(histogram: Histogram, holds: ColorCluster["holds"], to: readonly ColorCluster[]) {
  for (const [bin, weight] of holds) {
    const p = binRgb(histogram, bin);
    let best = { d: Infinity, a: 0, b: -1, t: 0 };
    for (let i = 0; i < to.length; i++) {
      const ap = sub(p, to[i]!.rgb);
      const d = Math.sqrt(dot(ap, ap));
      if (d < best.d) best = { d, a: i, b: -1, t: 0 };
      for (let j = i + 1; j < to.length; j++) {
        const { t, off } = onLine(p, to[i]!.rgb, to[j]!.rgb);
        if (t > 0 && t < 1 && off < best.d) best = { d: off, a: i, b: j, t };
      }
    }
    if (best.b < 0) {
      to[best.a]!.holds.push([bin, weight]);
    } else {
      to[best.a]!.holds.push([bin, weight * (1 - best.t)]);
      to[best.b]!.holds.push([bin, weight * best.t]);
    }
  }
}

export function pruneClusters(histogram: Histogram, clusters: readonly ColorCluster[], options: PruneOptions): ColorCluster[] {
  let alive = [...clusters];
  const lines = new LineMasses(histogram);
  while (alive.length > 1) {
    const mass = new Map(alive.map((c) => [c, massOf(c)]));
    const lightestFirst = [...alive].sort((x, y) => mass.get(x)! - mass.get(y)!);
    // Slivers and blends go first, so a ramp's pieces never take the places of real colors;
    // only then, if there are still too many colors, the smallest.
    let victim: ColorCluster | undefined;
    let ends: [ColorCluster, ColorCluster] | null = null;
    for (const c of lightestFirst) {
      if (mass.get(c)! < options.minCoverage * histogram.totalWeight) victim = c;
      else ends = blendEnds(histogram, c, alive.filter((o) => mass.get(o)! > mass.get(c)!), lines);
      if (victim || ends) {
        victim = c;
        break;
      }
    }
    if (!victim && alive.length > options.maxColors) victim = lightestFirst[0];
    if (!victim) break;
    alive = alive.filter((c) => c !== victim);
    if (ends) handAlong(histogram, victim.holds, ends);
    else handOn(histogram, victim.holds, alive);
  }
  return alive;
}

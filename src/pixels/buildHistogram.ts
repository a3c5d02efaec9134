// The sample's pixels, counted into 32³ bins of sRGB (5 bits a channel). Clustering works on the
// occupied bins, weighted by how much area each holds, not on every pixel: a flat 256² sample has
// a handful of bins, a noisy photo a few thousand, and only those are converted to CIELAB. Each
// bin keeps the mean of the pixels in it, not its corner, so quantising costs no accuracy.
// An image that fills more than MAX_BINS of them (pure noise fills 28,000) is counted in 16³ bins
// instead: its colors are too spread for 8-level bins to matter, and every later step costs in
// proportion to the bins (uniform noise took 500 ms at 5 bits, 60 ms at 4).
//
// Alpha: a pixel counts with weight alpha/255 and with its own (unpremultiplied) color. A fully
// transparent pixel counts nothing; a 50%-opaque pixel is half a pixel of its color, as a half-
// transparent overlay covers half as much of whatever it is placed on. Anti-aliased edges over
// transparency carry the shape's color at partial alpha, so they add to the shape, not to a blend.
import { rgbToLab } from "./lab.ts";

export interface Histogram {
  /** Occupied bins. */
  readonly bins: number;
  /** Alpha-weighted pixel count of each bin. */
  readonly weight: Float64Array;
  /** Mean sRGB (0–255) of each bin, 3 values a bin. */
  readonly rgb: Float64Array;
  /** CIELAB (D65) of each bin's mean, 3 values a bin. */
  readonly lab: Float64Array;
  readonly totalWeight: number;
  readonly pixels: number;
}

const BITS = 5;
const SHIFT = 8 - BITS;
const MAX_BINS = 4096;

export function buildHistogram(rgba: Uint8Array): Histogram {
  const size = 1 << (3 * BITS);
  const w = new Float64Array(size);
  const sums = new Float64Array(size * 3);
  const pixels = rgba.length / 4;
  for (let p = 0; p < rgba.length; p += 4) {
    const alpha = rgba[p + 3]!;
    if (alpha === 0) continue;
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    const bin = ((r >> SHIFT) << (2 * BITS)) | ((g >> SHIFT) << BITS) | (b >> SHIFT);
    const weight = alpha / 255;
    w[bin]! += weight;
    sums[bin * 3]! += weight * r;
    sums[bin * 3 + 1]! += weight * g;
    sums[bin * 3 + 2]! += weight * b;
  }
  let occupied = 0;
  for (let i = 0; i < size; i++) if (w[i]! > 0) occupied++;
  return occupied > MAX_BINS ? summarise(...coarser(w, sums), pixels) : summarise(w, sums, pixels);
}

/** The same counts in bins of one bit less a channel (each holds eight of the finer ones). */
function coarser(w: Float64Array, sums: Float64Array): [Float64Array, Float64Array] {
  const bits = BITS - 1;
  const cw = new Float64Array(1 << (3 * bits));
  const cs = new Float64Array(cw.length * 3);
  const mask = (1 << BITS) - 1;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    const r = (i >> (2 * BITS)) & mask;
    const g = (i >> BITS) & mask;
    const b = i & mask;
    const j = ((r >> 1) << (2 * bits)) | ((g >> 1) << bits) | (b >> 1);
    cw[j]! += w[i]!;
    for (let c = 0; c < 3; c++) cs[j * 3 + c]! += sums[i * 3 + c]!;
  }
  return [cw, cs];
}

function summarise(w: Float64Array, sums: Float64Array, pixels: number): Histogram {
  let bins = 0;
  for (let i = 0; i < w.length; i++) if (w[i]! > 0) bins++;
  const weight = new Float64Array(bins);
  const rgb = new Float64Array(bins * 3);
  const lab = new Float64Array(bins * 3);
  let totalWeight = 0;
  for (let i = 0, j = 0; i < w.length; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    weight[j] = wi;
    totalWeight += wi;
    for (let c = 0; c < 3; c++) rgb[j * 3 + c] = sums[i * 3 + c]! / wi;
    const l = rgbToLab(rgb[j * 3]!, rgb[j * 3 + 1]!, rgb[j * 3 + 2]!);
    lab[j * 3] = l.l;
    lab[j * 3 + 1] = l.a;
    lab[j * 3 + 2] = l.b;
    j++;
  }
  return { bins, weight, rgb, lab, totalWeight, pixels };
}

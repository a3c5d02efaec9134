export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
}

/** Nearest-rank percentile, q in [0, 1]. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/**
 * On/off phases measured in pairs of adjacent phases (alternating which side comes first): each
 * pair's own on ÷ off ratio. Load that drifts over a run on a shared machine hits both phases of a
 * pair alike and cancels in its ratio, and the median of the pairs' ratios leaves out a pair that
 * something else disturbed, rather than pairing one side's median with another moment's.
 */
export function pairRatios<P extends { readonly perSecond: number }>(phases: readonly P[], isOn: (phase: P) => boolean): number[] {
  const ratios: number[] = [];
  for (let i = 0; i + 1 < phases.length; i += 2) {
    const [on, off] = isOn(phases[i]!) ? [phases[i]!, phases[i + 1]!] : [phases[i + 1]!, phases[i]!];
    ratios.push(on.perSecond / off.perSecond);
  }
  return ratios;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function latencyOf(durationsMs: readonly number[]): Latency {
  return { p50: round(percentile(durationsMs, 0.5)), p99: round(percentile(durationsMs, 0.99)), samples: durationsMs.length };
}

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

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function latencyOf(durationsMs: readonly number[]): Latency {
  return { p50: round(percentile(durationsMs, 0.5)), p99: round(percentile(durationsMs, 0.99)), samples: durationsMs.length };
}

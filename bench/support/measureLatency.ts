import { latencyOf, type Latency } from "./stats.ts";

export interface LatencyRun {
  readonly iterations: number;
  readonly warmup: number;
}

/**
 * Times every path one request at a time, interleaved on the same argument (direct, gateway, direct,
 * …) after `warmup` untimed rounds, cycling through `inputs`: whatever else loads the shared machine
 * then slows all paths alike instead of whichever happened to run at the time.
 */
export async function compareLatency<T, K extends string>(
  inputs: readonly T[],
  paths: Record<K, (input: T) => Promise<unknown>>,
  { iterations, warmup }: LatencyRun,
): Promise<Record<K, Latency>> {
  const names = Object.keys(paths) as K[];
  const durations = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup + iterations; i++) {
    const input = inputs[i % inputs.length]!;
    for (const name of names) {
      const started = performance.now();
      await paths[name](input);
      if (i >= warmup) durations[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, latencyOf(durations[name])])) as Record<K, Latency>;
}

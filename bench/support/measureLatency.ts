import { latencyOf, type Latency } from "./stats.ts";

export interface LatencyRun {
  readonly iterations: number;
  readonly warmup: number;
}

/**
 * Times every path one request at a time, round by round after `warmup` untimed rounds: in a round
 * each path runs once, so whatever else loads the shared machine slows all paths alike instead of
 * whichever happened to run at the time.
 *
 * Within a round the paths take different inputs (path k: `inputs[(round + k · n/paths) % n]`), so
 * over the run each sees every input equally often but never the one another path has just asked:
 * the same statement on the same nodes a moment later finds Neo4j's caches warm for it (measured:
 * Color.pairings directly after the gateway asked the same color, 1.95 ms at p50; after it asked
 * another, 2.27 ms). The order rotates every round, so no path always runs right after another.
 */
export async function compareLatency<T, K extends string>(
  inputs: readonly T[],
  paths: Record<K, (input: T) => Promise<unknown>>,
  { iterations, warmup }: LatencyRun,
): Promise<Record<K, Latency>> {
  const names = Object.keys(paths) as K[];
  const stride = Math.max(1, Math.floor(inputs.length / names.length));
  const durations = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + iterations; round++) {
    for (let turn = 0; turn < names.length; turn++) {
      const k = (round + turn) % names.length;
      const name = names[k]!;
      const input = inputs[(round + k * stride) % inputs.length]!;
      const started = performance.now();
      await paths[name](input);
      if (round >= warmup) durations[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, latencyOf(durations[name])])) as Record<K, Latency>;
}

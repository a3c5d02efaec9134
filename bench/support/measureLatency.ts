export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
}

/**
 * Times `call` one request at a time, after `warmup` untimed calls, cycling through `inputs`
 * so every path under comparison sees the same sequence of arguments.
 */
export async function measureLatency<T>(inputs: readonly T[], call: (input: T) => Promise<unknown>, iterations: number, warmup: number): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await call(inputs[i % inputs.length]!);
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    await call(inputs[i % inputs.length]!);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => Math.round(durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]! * 100) / 100;
  return { p50: at(0.5), p99: at(0.99), samples: durations.length };
}

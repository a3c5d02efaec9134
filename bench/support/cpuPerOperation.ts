// Where one operation's CPU goes, by who spends it: the gateway's main thread, its other threads (the
// drainer projecting into Neo4j, V8's helpers), the color extraction processes, Postgres and Neo4j.
// Each kind of operation runs paced at the same rate for the same time, with nothing else on, and a
// phase with no operation at all gives what the machine spends idle (timers, polling, the JVM's
// housekeeping), which is taken off each phase before dividing by its operations. A load whose calls
// come from a client process of its own (burstClient.ts) is not charged for that client's work.
import { cpuTimeBetween, readCpuTime, type CpuTime } from "./cpuTime.ts";
import { startPaced } from "./pacedLoad.ts";
import { round } from "./stats.ts";

/** Milliseconds of CPU per operation, above idle. */
export interface CpuOfOperation {
  readonly gatewayMainThread: number;
  readonly gatewayOtherThreads: number;
  readonly extraction: number;
  readonly postgres: number;
  readonly neo4j: number;
  readonly total: number;
}

export interface CpuPerOperation<K extends string = string> {
  readonly perSecond: number;
  readonly seconds: number;
  readonly operations: Record<K, CpuOfOperation>;
}

/** Starts a load on schedule at `perSecond`; the stop() it answers waits for its calls and counts them. */
export type PacedLoad = (perSecond: number) => Promise<() => Promise<number>>;

/** A PacedLoad of calls made from this process. */
export function pacedHere(call: (i: number) => Promise<unknown>): PacedLoad {
  return async (perSecond) => {
    let calls = 0;
    const stop = startPaced(perSecond, (i) => call(i).then(() => calls++));
    return async () => {
      await stop();
      return calls;
    };
  };
}

/** Runs each of `operations` at `perSecond` for `seconds`, one after another, after an idle phase as long. */
export async function cpuPerOperation<K extends string>(perSecond: number, seconds: number, operations: Record<K, PacedLoad>): Promise<CpuPerOperation<K>> {
  const { spent: idle } = await spentDuring(seconds, null);
  const result = {} as Record<K, CpuOfOperation>;
  for (const [name, load] of Object.entries(operations) as [K, PacedLoad][]) {
    const { spent, calls } = await spentDuring(seconds, () => load(perSecond));
    result[name] = perOperation(spent, idle, Math.max(calls, 1));
  }
  return { perSecond: round(perSecond, 1), seconds, operations: result };
}

interface Spent {
  readonly cpu: CpuTime;
  readonly seconds: number;
}

/** CPU spent while a load started by `start` runs for `seconds` (until it stops and its calls finish), or while nothing runs. */
async function spentDuring(seconds: number, start: (() => Promise<() => Promise<number>>) | null): Promise<{ spent: Spent; calls: number }> {
  const [from, started] = [readCpuTime(), performance.now()];
  const stopLoad = await start?.();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const calls = (await stopLoad?.()) ?? 0;
  return { spent: { cpu: cpuTimeBetween(from, readCpuTime()), seconds: (performance.now() - started) / 1000 }, calls };
}

function perOperation(spent: Spent, idle: Spent, calls: number): CpuOfOperation {
  const aboveIdle = (part: (cpu: CpuTime) => number) => Math.max(0, part(spent.cpu) - (part(idle.cpu) * spent.seconds) / idle.seconds);
  const ms = (seconds: number) => round((seconds * 1000) / calls, 2);
  const parts = {
    gatewayMainThread: ms(aboveIdle((c) => c.gatewayMainThread)),
    gatewayOtherThreads: ms(aboveIdle((c) => c.gatewayProcess - c.gatewayMainThread)),
    extraction: ms(aboveIdle((c) => c.extraction)),
    postgres: ms(aboveIdle((c) => c.postgres)),
    neo4j: ms(aboveIdle((c) => c.neo4j)),
  };
  return { ...parts, total: round(Object.values(parts).reduce((sum, part) => sum + part, 0), 2) };
}

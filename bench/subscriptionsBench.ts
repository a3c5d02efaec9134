// Benchmark, not a test: what live updates cost and how fast they are. One gateway as main.ts runs it
// (drainer polling in its thread, the change feed listening), under the sync benchmark's mutation
// load (support/mutationLoad.ts), with one subscriber of graphChanged (support/latencySubscriber.ts)
// and, in alternate phases, `idleSubscribers` idle subscriptions: the clients each in a process of
// their own session, as clients elsewhere would leave the gateway's process and share of the cores.
//
// - latency: a message's arrival − its outbox event's created_at (the start of the mutation's
//   transaction, so an upper bound of commit → message), over every event of the measured phases;
// - idle cost: this process's memory with the idle subscribers connected − without, the gateway idle,
//   each read after forced collections (support/settledMemory.ts);
// - throughput: mutations per second with the idle subscribers against none, in `reps` pairs of
//   adjacent phases in alternating order; the ratio is the median of the pairs' own ratios, so a
//   load that drifts during the run (the machine is shared) cancels within each pair. Each phase
//   starts a few seconds after the idle subscribers connect or go, so their process's start-up
//   and the gateway's closing of 1,000 sockets are not counted against either side.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import type { Config } from "../src/config/config.ts";
import { createServer } from "../src/http/createServer.ts";
import type { PrismaClient } from "../src/postgres/createPrisma.ts";
import { projectRoot } from "../src/stack/paths.ts";
import { benchDeps } from "./support/benchDeps.ts";
import { processCpuSeconds } from "./support/cpuTime.ts";
import { startLatencySubscriber, type LatencySubscriber } from "./support/latencySubscriber.ts";
import { stopProcess } from "./support/stopProcess.ts";
import { growthMb, settledMemory } from "./support/settledMemory.ts";
import { median, pairRatios, round } from "./support/stats.ts";
import {
  jitShare,
  markAllApplied,
  medianCpu,
  roundCpu,
  runLoadWithCpu,
  waitForOutbox,
  warmUp,
  type CpuPerMutation,
} from "./syncThroughput.ts";

export interface SubscriptionsBenchOptions {
  readonly config: Config;
  readonly databaseUrl: string;
  readonly neo4jUri: string;
  readonly prisma: PrismaClient;
  readonly hexes: readonly string[];
  /** A brand no load touches: what the idle subscribers subscribe to. */
  readonly quietBrandId: string;
  readonly writers: number;
  readonly seconds: number;
  readonly rampSeconds: number;
  readonly warmupSeconds: number;
  readonly reps: number;
  readonly idleSubscribers: number;
}

export interface SubscriptionsBenchResult {
  /** Warm-up phases run until Neo4j's JIT settled (syncThroughput.ts warmUp), and its share of Neo4j's CPU in the last. */
  readonly warmupPhases: number;
  readonly warmupJitShare: number | null;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly messages: number; readonly missing: number };
  /** The larger of the RSS and the retained-memory growth, in MiB. */
  readonly idleRssMb: number;
  readonly idleMemoryMb: { readonly rss: number; readonly retained: number };
  readonly withIdlePerSecond: number;
  readonly withoutIdlePerSecond: number;
  /** The median of `pairRatios`. */
  readonly ratio: number;
  readonly pairRatios: readonly number[];
  /**
   * An estimate, not the goal's figure: each phase's throughput times its load client's CPU per
   * mutation. The client process does the same work per mutation with subscribers or without, so its
   * CPU per mutation gauges how fast the machine ran the phase; on a shared machine that moved by
   * half within a run. A gateway slowed by the subscribers would also raise it (fewer requests per
   * wake-up), which this scaling would hide.
   */
  readonly speedScaledRatio: number;
  readonly speedScaledPairRatios: readonly number[];
  /** The cores the idle subscribers' own process kept busy during the phases with them, the median: the machine's, not the gateway's. */
  readonly idleSubscribersCores: number;
  /** CPU ms per counted mutation by who spent it (the idle subscribers' own process not included), the median over each side's phases. */
  readonly cpuMsPerMutation: { readonly withIdle: CpuPerMutation; readonly withoutIdle: CpuPerMutation };
  readonly phases: readonly { readonly idle: boolean; readonly perSecond: number; readonly cpuMsPerMutation: CpuPerMutation }[];
}

export async function measureSubscriptions(options: SubscriptionsBenchOptions): Promise<SubscriptionsBenchResult> {
  const { prisma } = options;
  await markAllApplied(prisma);
  const deps = benchDeps({ config: options.config, neo4jUri: options.neo4jUri }, options.databaseUrl, {
    maxConnections: options.writers + 4,
    sync: { poll: true, thread: true },
  });
  const gateway = await createServer(deps);
  const feed = deps.changes!;
  let subscriber: LatencySubscriber | null = null;
  try {
    const url = await gateway.listen(0, "127.0.0.1");
    await feed.ready();
    subscriber = startLatencySubscriber(url);
    await waitFor(() => feed.subscriberCount() === 1);

    const load = async (seconds: number, idlePid?: number) => {
      const [started, idleCpu] = [performance.now(), idlePid ? processCpuSeconds(idlePid) : 0];
      const result = await runLoadWithCpu({ url, rampSeconds: options.rampSeconds, seconds, writers: options.writers, hexes: options.hexes });
      await waitForOutbox(prisma);
      const idleCores = idlePid ? (processCpuSeconds(idlePid) - idleCpu) / ((performance.now() - started) / 1000) : 0;
      return { perSecond: result.mutations / result.seconds, cpu: result.cpu, idleCores };
    };
    const warmup = await warmUp(options.warmupSeconds, load);

    // The idle cost, measured on a quiet gateway: RSS settles a few seconds after a change.
    await sleep(3_000);
    const before = await settledMemory();
    let idle: ChildProcess | null = await startIdleSubscribers(url, options.idleSubscribers, options.quietBrandId);
    await waitFor(() => feed.subscriberCount() === options.idleSubscribers + 1);
    await sleep(3_000);
    const idleMemory = growthMb(before, await settledMemory());

    const measuredFrom = await lastEventId(prisma);
    const phases: { idle: boolean; perSecond: number; cpu: CpuPerMutation; idleCores: number }[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      for (const withIdle of rep % 2 === 0 ? [true, false] : [false, true]) {
        if (withIdle && !idle) {
          idle = await startIdleSubscribers(url, options.idleSubscribers, options.quietBrandId);
          await waitFor(() => feed.subscriberCount() === options.idleSubscribers + 1);
        }
        if (!withIdle && idle) {
          await stopProcess(idle, "SIGKILL");
          idle = null;
          await waitFor(() => feed.subscriberCount() === 1);
        }
        await sleep(PHASE_SETTLE_MS);
        phases.push({ idle: withIdle, ...(await load(options.seconds, idle?.pid)) });
      }
    }
    if (idle) await stopProcess(idle, "SIGKILL");
    const measuredTo = await lastEventId(prisma);
    // Up to 10 s for messages still on their way when the outbox emptied.
    const received = await subscriber.collect(measuredFrom, measuredTo, 10_000);

    const withIdle = median(phases.filter((p) => p.idle).map((p) => p.perSecond));
    const without = median(phases.filter((p) => !p.idle).map((p) => p.perSecond));
    const ratios = pairRatios(phases, (p) => p.idle);
    const speedScaled = pairRatios(
      phases.map((p) => ({ idle: p.idle, perSecond: p.perSecond * p.cpu.clients })),
      (p) => p.idle,
    );
    const settledJit = warmup.at(-1)?.cpu;
    return {
      warmupPhases: warmup.length,
      warmupJitShare: settledJit ? jitShare(settledJit) : null,
      latencyMs: await latencyOf(prisma, received, measuredFrom, measuredTo),
      idleRssMb: round(idleMemory.mb, 1),
      idleMemoryMb: { rss: round(idleMemory.rssMb, 1), retained: round(idleMemory.retainedMb, 1) },
      withIdlePerSecond: round(withIdle, 0),
      withoutIdlePerSecond: round(without, 0),
      ratio: round(median(ratios), 3),
      pairRatios: ratios.map((r) => round(r, 3)),
      speedScaledRatio: round(median(speedScaled), 3),
      speedScaledPairRatios: speedScaled.map((r) => round(r, 3)),
      cpuMsPerMutation: { withIdle: medianCpu(phases.filter((p) => p.idle)), withoutIdle: medianCpu(phases.filter((p) => !p.idle)) },
      idleSubscribersCores: round(median(phases.filter((p) => p.idle).map((p) => p.idleCores)), 3),
      phases: phases.map(({ idle, perSecond, cpu }) => ({ idle, perSecond: round(perSecond, 0), cpuMsPerMutation: roundCpu(cpu) })),
    };
  } finally {
    await subscriber?.close();
    await gateway.close();
    await deps.close();
  }
}

const PHASE_SETTLE_MS = 3_000;

async function startIdleSubscribers(url: string, count: number, brandId: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/support/idleSubscribers.ts", url, String(count), brandId], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      if (output.includes("READY")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`idle subscribers exited (${code})`)));
  });
  return child;
}

async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(20);
  }
}

async function lastEventId(prisma: PrismaClient): Promise<bigint> {
  const [row] = await prisma.$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM sync_events`;
  return row!.max ?? 0n;
}

async function latencyOf(prisma: PrismaClient, received: Map<bigint, number>, from: bigint, to: bigint) {
  const rows = await prisma.$queryRaw<{ id: bigint; created: number }[]>`
    SELECT id, extract(epoch FROM created_at) * 1000 AS created FROM sync_events WHERE id > ${from} AND id <= ${to}`;
  const lags = rows.flatMap((r) => (received.has(r.id) ? [received.get(r.id)! - Number(r.created)] : [])).sort((a, b) => a - b);
  const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? 0;
  return { p50: round(at(0.5), 0), p99: round(at(0.99), 0), messages: lags.length, missing: rows.length - lags.length };
}

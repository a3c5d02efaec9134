// Benchmark, not a test: sustained GraphQL mutation throughput with the graph sync on against
// GRAPH_SYNC_ENABLED=false, and the commit-to-graph-visible lag at that load. One gateway per
// phase (its own HTTP server and sync), clients in a process of their own (support/mutationLoad.ts).
// Unmeasured warm-up phases first, until Neo4j's JIT compiler has settled (warmUp), then `reps`
// pairs of phases in alternating order so drift on a shared machine hits both sides alike; the
// table reports each side's median throughput and, as the ratio, the median of the pairs' own
// ratios (support/stats.ts pairRatios), and each side's CPU per mutation by process
// (support/cpuTime.ts), which says where the ratio comes from.
//
//   npm run bench -- --suites sync
//
// Lag is applied_at − created_at of each outbox event: created_at is the start of the mutation's
// transaction and applied_at is set only after Neo4j committed, so it bounds the real lag from above.
import type { Config } from "../src/config/config.ts";
import { createServer } from "../src/http/createServer.ts";
import type { PrismaClient } from "../src/postgres/createPrisma.ts";
import { forkModule } from "../src/stack/forkModule.ts";
import { benchDeps } from "./support/benchDeps.ts";
import { cpuTimeBetween, readCpuTime, type CpuReading, type CpuTime } from "./support/cpuTime.ts";
import { median, pairRatios, round } from "./support/stats.ts";
import { RAMPED_UP, type LoadOptions, type LoadResult } from "./support/mutationLoad.ts";

export interface SyncThroughputOptions {
  readonly config: Config;
  readonly databaseUrl: string;
  readonly neo4jUri: string;
  /** Outside the measured gateways: the run's own bookkeeping (outbox ids, lag). */
  readonly prisma: PrismaClient;
  /** Each phase's first seconds, not counted (mutationLoad.ts). */
  readonly rampSeconds: number;
  readonly seconds: number;
  readonly writers: number;
  /** The colors the writers' palettes and assets draw from: the loaded data set's. */
  readonly hexes: readonly string[];
  readonly reps: number;
  readonly warmupSeconds: number;
  /** Passed to the writers (mutationLoad.ts): the industries their brands are in. */
  readonly industries?: readonly string[];
}

export interface SyncThroughputResult {
  readonly syncOnPerSecond: number;
  readonly syncOffPerSecond: number;
  /** The median of `pairRatios`. */
  readonly ratio: number;
  readonly pairRatios: readonly number[];
  readonly lagMs: { readonly p50: number; readonly p99: number; readonly events: number };
  /** CPU ms per counted mutation by who spent it, the median over each side's phases. */
  readonly cpuMsPerMutation: { readonly syncOn: CpuPerMutation; readonly syncOff: CpuPerMutation };
  readonly warmup: WarmupPhases;
  readonly phases: readonly { readonly syncEnabled: boolean; readonly perSecond: number; readonly cpuMsPerMutation: CpuPerMutation }[];
}

/** The gateway is this process (its drainer thread included), the clients their own process; `neo4jJit` is part of `neo4j`. */
export interface CpuPerMutation {
  readonly gateway: number;
  readonly clients: number;
  readonly postgres: number;
  readonly neo4j: number;
  readonly neo4jJit: number;
  readonly total: number;
}

export async function measureSyncThroughput(options: SyncThroughputOptions): Promise<SyncThroughputResult> {
  const { prisma, reps } = options;
  // Anything left from an earlier run would be drained inside a measured phase.
  await markAllApplied(prisma);
  const warmup = await warmUp(options.warmupSeconds, (seconds) => phase(options, true, seconds));
  const phases: Phase[] = [];
  for (let rep = 0; rep < reps; rep++) {
    for (const syncEnabled of rep % 2 === 0 ? [true, false] : [false, true]) phases.push(await phase(options, syncEnabled, options.seconds));
  }
  const on = median(phases.filter((p) => p.syncEnabled).map((p) => p.perSecond));
  const off = median(phases.filter((p) => !p.syncEnabled).map((p) => p.perSecond));
  const ratios = pairRatios(phases, (p) => p.syncEnabled);
  const lagMs = await lagOf(prisma, phases.filter((p) => p.syncEnabled).map((p) => p.events));
  return {
    syncOnPerSecond: round(on, 0),
    syncOffPerSecond: round(off, 0),
    ratio: round(median(ratios), 2),
    pairRatios: ratios.map((r) => round(r, 2)),
    lagMs,
    warmup: warmupPhases(warmup),
    cpuMsPerMutation: { syncOn: medianCpu(phases.filter((p) => p.syncEnabled)), syncOff: medianCpu(phases.filter((p) => !p.syncEnabled)) },
    phases: phases.map(({ syncEnabled, perSecond, cpu }) => ({ syncEnabled, perSecond: round(perSecond, 0), cpuMsPerMutation: roundCpu(cpu) })),
  };
}

export interface PatternMaintenanceResult {
  readonly patternsOnPerSecond: number;
  readonly patternsOffPerSecond: number;
  /** The median of `pairRatios`. */
  readonly ratio: number;
  readonly pairRatios: readonly number[];
  /** Refreshes the pattern refresher finished during the measured "on" phases, and their mean duration. */
  readonly refreshes: number;
  readonly meanRefreshSeconds: number;
  readonly warmup: WarmupPhases;
  /** CPU ms per counted mutation by who spent it, the median over each side's phases. */
  readonly cpuMsPerMutation: { readonly patternsOn: CpuPerMutation; readonly patternsOff: CpuPerMutation };
  readonly phases: readonly { readonly patterns: boolean; readonly perSecond: number; readonly cpuMsPerMutation: CpuPerMutation }[];
}

/**
 * The same load with the sync on in both phases, the pattern refresher running in one of them at
 * `refreshIntervalMs`: what keeping the learned patterns fresh costs the write path.
 */
export async function measurePatternMaintenance(options: SyncThroughputOptions, refreshIntervalMs: number): Promise<PatternMaintenanceResult> {
  const { prisma, reps } = options;
  await markAllApplied(prisma);
  const withPatterns = { ...options, config: { ...options.config, patterns: { ...options.config.patterns, refreshIntervalMs } } };
  const warmup = await warmUp(options.warmupSeconds, (seconds) => phase(withPatterns, true, seconds, true));
  const phases: Phase[] = [];
  for (let rep = 0; rep < reps; rep++) {
    for (const patterns of rep % 2 === 0 ? [true, false] : [false, true]) phases.push(await phase(withPatterns, true, options.seconds, patterns));
  }
  const on = median(phases.filter((p) => p.patterns).map((p) => p.perSecond));
  const off = median(phases.filter((p) => !p.patterns).map((p) => p.perSecond));
  const ratios = pairRatios(phases, (p) => p.patterns);
  const refreshes = phases.reduce((sum, p) => sum + p.refreshes.count, 0);
  return {
    patternsOnPerSecond: round(on, 0),
    patternsOffPerSecond: round(off, 0),
    ratio: round(median(ratios), 2),
    pairRatios: ratios.map((r) => round(r, 2)),
    refreshes,
    warmup: warmupPhases(warmup),
    meanRefreshSeconds: refreshes ? round(phases.reduce((sum, p) => sum + p.refreshes.seconds, 0) / refreshes, 2) : 0,
    cpuMsPerMutation: { patternsOn: medianCpu(phases.filter((p) => p.patterns)), patternsOff: medianCpu(phases.filter((p) => !p.patterns)) },
    phases: phases.map(({ patterns, perSecond, cpu }) => ({ patterns, perSecond: round(perSecond, 0), cpuMsPerMutation: roundCpu(cpu) })),
  };
}

/** The warm-up's phases: their throughput and CPU per mutation, to show the JVM had settled. */
export type WarmupPhases = readonly { readonly perSecond: number; readonly cpuMsPerMutation: CpuPerMutation }[];

const WARMUP_PHASE_SECONDS = 30;
/** Warm once a phase's JIT compiling is under this share of Neo4j's CPU. */
const SETTLED_JIT_SHARE = 0.1;
const MAX_WARMUP_PHASES = 10;

/**
 * Unmeasured phases until the JVM has compiled what the load runs. A fresh Neo4j spends as much CPU
 * in its JIT compiler threads as serving for a minute or two of this load (docs/sync.md), which a
 * deployment's long-lived server does not; a phase measured meanwhile would charge that to the side
 * it fell on. At least `minSeconds`, then phases of WARMUP_PHASE_SECONDS until one's JIT share of
 * Neo4j's CPU falls below SETTLED_JIT_SHARE, at most MAX_WARMUP_PHASES in all.
 */
export async function warmUp<P extends { readonly cpu: Pick<CpuTime, "neo4j" | "neo4jJit"> }>(
  minSeconds: number,
  run: (seconds: number) => Promise<P>,
): Promise<P[]> {
  const phases: P[] = [];
  if (minSeconds <= 0) return phases;
  const settled = (p: P) => p.cpu.neo4jJit < SETTLED_JIT_SHARE * p.cpu.neo4j;
  for (let seconds = 0; seconds < minSeconds || !settled(phases.at(-1)!); seconds += WARMUP_PHASE_SECONDS) {
    if (phases.length === MAX_WARMUP_PHASES) break;
    phases.push(await run(WARMUP_PHASE_SECONDS));
  }
  return phases;
}

/** Of Neo4j's CPU, the share its JIT compiler threads took. */
export const jitShare = (cpu: Pick<CpuTime, "neo4j" | "neo4jJit">) => round(cpu.neo4jJit / Math.max(cpu.neo4j, 0.01), 2);

/** How long the JVM took to settle, and how much of Neo4j's CPU its JIT still took then. */
export function describeWarmup(phases: number, lastJitShare: number | null): string {
  if (phases === 0 || lastJitShare === null) return "no warm-up";
  return `after ${phases} warm-up phase(s) of ${WARMUP_PHASE_SECONDS} s, the last with JIT ${Math.round(100 * lastJitShare)}% of Neo4j's CPU`;
}

export function describeWarmupPhases(phases: WarmupPhases): string {
  const last = phases.at(-1);
  return describeWarmup(phases.length, last ? jitShare(last.cpuMsPerMutation) : null);
}

/** What describeCpu's parts are, for a table row's description. */
export const CPU_PARTS = "gateway process, clients' process, Postgres, Neo4j and of that its JIT compiler threads";

/** Each part's CPU ms per mutation, one side vs the other. */
export function describeCpu(on: CpuPerMutation, off: CpuPerMutation): string {
  const parts = ["gateway", "clients", "postgres", "neo4j", "neo4jJit", "total"] as const;
  return parts.map((part) => `${part} ${on[part]} vs ${off[part]}`).join(", ");
}

function warmupPhases(phases: readonly Phase[]): WarmupPhases {
  return phases.map(({ perSecond, cpu }) => ({ perSecond: round(perSecond, 0), cpuMsPerMutation: roundCpu(cpu) }));
}

interface Phase {
  readonly syncEnabled: boolean;
  readonly patterns: boolean;
  readonly refreshes: { readonly count: number; readonly seconds: number };
  readonly perSecond: number;
  readonly cpu: CpuPerMutation;
  /** The outbox ids the phase wrote: after `first`, up to `last`. */
  readonly events: { readonly first: bigint; readonly last: bigint };
}

/** One gateway under load for `seconds`; with sync on it also waits until the graph has caught up. */
async function phase(options: SyncThroughputOptions, syncEnabled: boolean, seconds: number, patterns = false): Promise<Phase> {
  const { prisma, writers, hexes } = options;
  const config = { ...options.config, graphSyncEnabled: syncEnabled };
  // As the gateway process runs it (main.ts): the drainer polling, in its own thread.
  const deps = benchDeps({ config, neo4jUri: options.neo4jUri }, options.databaseUrl, {
    maxConnections: writers + 4,
    sync: { poll: true, thread: true },
  });
  const gateway = await createServer(deps);
  try {
    const url = await gateway.listen(0, "127.0.0.1");
    if (patterns) deps.patterns!.start();
    let first: Promise<bigint> = Promise.resolve(0n);
    const load = await runLoadWithCpu({ url, rampSeconds: options.rampSeconds, seconds, writers, hexes, industries: options.industries }, () => {
      first = lastEventId(prisma);
    });
    if (syncEnabled) await waitForOutbox(prisma);
    await deps.patterns?.stop();
    const refreshes = await refreshCount(deps);
    return { syncEnabled, patterns, refreshes, perSecond: load.mutations / load.seconds, cpu: load.cpu, events: { first: await first, last: await lastEventId(prisma) } };
  } finally {
    await gateway.close();
    await deps.close();
    // Events written with the sync off stay out of the next phase's work and of the lag figures.
    if (!syncEnabled) await markAllApplied(prisma);
  }
}

function cpuPerMutation(spent: CpuTime, load: LoadResult): CpuPerMutation {
  const perMutation = (seconds: number) => (seconds * 1000) / Math.max(1, load.mutations);
  const parts = {
    gateway: perMutation(spent.gatewayProcess),
    clients: perMutation(load.clientCpuSeconds),
    postgres: perMutation(spent.postgres),
    neo4j: perMutation(spent.neo4j),
  };
  return { ...parts, neo4jJit: perMutation(spent.neo4jJit), total: parts.gateway + parts.clients + parts.postgres + parts.neo4j };
}

export function medianCpu(phases: readonly { readonly cpu: CpuPerMutation }[]): CpuPerMutation {
  const of = (part: keyof CpuPerMutation) => median(phases.map((p) => p.cpu[part]));
  return roundCpu({ gateway: of("gateway"), clients: of("clients"), postgres: of("postgres"), neo4j: of("neo4j"), neo4jJit: of("neo4jJit"), total: of("total") });
}

export function roundCpu(cpu: CpuPerMutation): CpuPerMutation {
  return Object.fromEntries(Object.entries(cpu).map(([part, ms]) => [part, round(ms)])) as unknown as CpuPerMutation;
}

/** Refreshes a gateway's refresher finished and the seconds they took: its duration histogram's count and sum. */
async function refreshCount(deps: ReturnType<typeof benchDeps>): Promise<{ count: number; seconds: number }> {
  const metric = await deps.metrics.getSingleMetric("mobius_pattern_refresh_duration_seconds")?.get();
  const values = (metric?.values ?? []) as { metricName?: string; value: number }[];
  const read = (suffix: string) => values.find((v) => v.metricName?.endsWith(suffix))?.value ?? 0;
  return { count: read("_count"), seconds: read("_sum") };
}

/** The load's clients in a process of their own session (mutationLoad.ts): a client elsewhere shares neither the gateway's process nor, under autogroup scheduling, its share of the cores. */
export function runLoad(options: LoadOptions, onRampedUp: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = forkModule(new URL("./support/mutationLoad.ts", import.meta.url), [], { detached: true });
    let result: LoadResult | null = null;
    child.on("message", (message: LoadResult | typeof RAMPED_UP) => (message === RAMPED_UP ? onRampedUp() : (result = message)));
    child.once("error", reject);
    child.once("exit", (code) => (result ? resolve(result) : reject(new Error(`the mutation load exited (${code}) without a result; its stderr says why`))));
    child.send(options);
  });
}

/** The load, and the CPU each process spent per counted mutation, from its ramp-up to its end. */
export async function runLoadWithCpu(options: LoadOptions, onRampedUp: () => void = () => {}): Promise<LoadResult & { readonly cpu: CpuPerMutation }> {
  let from: CpuReading | null = null;
  const load = await runLoad(options, () => {
    from = readCpuTime();
    onRampedUp();
  });
  return { ...load, cpu: cpuPerMutation(cpuTimeBetween(from ?? readCpuTime(), readCpuTime()), load) };
}

export async function waitForOutbox(prisma: PrismaClient): Promise<void> {
  for (;;) {
    const [pending] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM sync_events WHERE applied_at IS NULL`;
    if (pending!.n === 0n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function markAllApplied(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`UPDATE sync_events SET applied_at = now() WHERE applied_at IS NULL`;
}

export async function lastEventId(prisma: PrismaClient): Promise<bigint> {
  const [row] = await prisma.$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM sync_events`;
  return row!.max ?? 0n;
}

/** Over the events of the measured sync-on phases only: sync-off phases' events were marked applied in bulk. */
async function lagOf(prisma: PrismaClient, ranges: readonly Phase["events"][]) {
  const [lag] = await prisma.$queryRaw<{ p50: number | null; p99: number | null; n: bigint }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - created_at)) * 1000 AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - created_at)) * 1000 AS p99,
           count(*) AS n
      FROM sync_events e
      JOIN unnest(${ranges.map((r) => String(r.first))}::bigint[], ${ranges.map((r) => String(r.last))}::bigint[]) AS r(first_id, last_id)
        ON e.id > r.first_id AND e.id <= r.last_id
     WHERE e.applied_at IS NOT NULL`;
  return { p50: round(lag!.p50 ?? 0, 0), p99: round(lag!.p99 ?? 0, 0), events: Number(lag!.n) };
}

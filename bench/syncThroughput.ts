// Sustained write throughput with the graph sync on against GRAPH_SYNC_ENABLED=false, and the
// commit-to-graph-visible lag at that load; the sync suite (suites/sync.ts) runs it. An unmeasured
// warm-up phase first (JIT, Cypher plans), then `reps` pairs of phases in alternating order, so drift
// on a shared machine hits both sides alike; medians. Writes go through the mutations' write path
// (rows + outbox events in one transaction, then afterCommit).
//
// Lag is applied_at − created_at of each outbox event: the row is inserted in the mutation's
// transaction and marked applied only after Neo4j committed, so it bounds the real lag from above.
import type { Config } from "../src/config/config.ts";
import { createLogger } from "../src/observability/createLogger.ts";
import { createMetricsRegistry } from "../src/observability/metricsRegistry.ts";
import { createSyncMetrics } from "../src/observability/syncMetrics.ts";
import type { PrismaClient } from "../src/postgres/createPrisma.ts";
import { createGraphSync } from "../src/sync/createGraphSync.ts";
import type { GatewayDeps, GraphConnection } from "../src/http/deps.ts";
import { benchDeps } from "./support/benchDeps.ts";
import { median, round } from "./support/stats.ts";
import { newScope, syncedWrites, uniqueHex } from "../tests/support/syncedWrites.ts";

export interface SyncThroughputOptions {
  /** Length of each measured phase. */
  readonly seconds: number;
  /** On/off pairs. */
  readonly reps: number;
  /** An unmeasured sync-on phase first; 0 for none. */
  readonly warmupSeconds: number;
  /** Concurrent writers, each looping over a mix of mutations flat out. */
  readonly writers: number;
  /** A database of the benchmark's own: the whole outbox is drained and marked applied. */
  readonly prisma: PrismaClient;
  readonly graph: GraphConnection;
  readonly config: Config;
}

export interface SyncThroughputResult {
  readonly syncOnPerSecond: number;
  readonly syncOffPerSecond: number;
  readonly ratio: number;
  readonly lagMs: { readonly p50: number; readonly p99: number; readonly events: number };
  readonly phases: readonly { readonly syncEnabled: boolean; readonly perSecond: number }[];
}

interface Phase {
  readonly syncEnabled: boolean;
  readonly perSecond: number;
  /** The outbox ids the phase wrote: after `first`, up to `last`. */
  readonly events: { readonly first: bigint; readonly last: bigint };
}

const logger = createLogger("warn");

async function phase({ writers, prisma, graph, config }: SyncThroughputOptions, syncEnabled: boolean, seconds: number): Promise<Phase> {
  const phaseConfig = { ...config, graphSyncEnabled: syncEnabled };
  const metrics = createMetricsRegistry();
  const sync = createGraphSync({ config: phaseConfig, prisma, graph, logger, metrics: createSyncMetrics(metrics) });
  const deps: GatewayDeps = benchDeps({ config: phaseConfig, prisma, graph, logger, metrics, sync });
  const first = await lastEventId(prisma);
  let mutations = 0;
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const scope = newScope();
      const writes = syncedWrites(deps, scope);
      const org = await writes.createOrganization();
      while (Date.now() < deadline) {
        const brand = await writes.createBrand({
          organizationId: org.id,
          colors: [{ hex: uniqueHex(scope), name: "a" }, { hex: uniqueHex(scope), name: "b" }],
        });
        const asset = await writes.createAsset({ brandId: brand.id, colors: [{ hex: uniqueHex(scope), coverage: 0.5 }] });
        await writes.recordFeedback({ assetId: asset.id, action: "approve" });
        await writes.updateBrand(brand.id, { name: "renamed" });
        mutations += 4;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  if (syncEnabled) await waitForOutbox(prisma);
  await sync.stop();
  const last = await lastEventId(prisma);
  // Events written with the sync off stay out of the next phase's work and of the lag figures.
  if (!syncEnabled) await markAllApplied(prisma);
  return { syncEnabled, perSecond: mutations / elapsed, events: { first, last } };
}

async function waitForOutbox(db: PrismaClient) {
  for (;;) {
    const [pending] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM sync_events WHERE applied_at IS NULL`;
    if (pending!.n === 0n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function measureSyncThroughput(options: SyncThroughputOptions): Promise<SyncThroughputResult> {
  const { prisma, reps } = options;
  // Anything left from an earlier run would be drained inside a measured phase.
  await markAllApplied(prisma);
  if (options.warmupSeconds > 0) await phase(options, true, options.warmupSeconds);
  const phases: Phase[] = [];
  for (let rep = 0; rep < reps; rep++) {
    for (const syncEnabled of rep % 2 === 0 ? [true, false] : [false, true]) phases.push(await phase(options, syncEnabled, options.seconds));
  }
  const on = median(phases.filter((p) => p.syncEnabled).map((p) => p.perSecond));
  const off = median(phases.filter((p) => !p.syncEnabled).map((p) => p.perSecond));
  return {
    syncOnPerSecond: Math.round(on),
    syncOffPerSecond: Math.round(off),
    ratio: round(on / off),
    lagMs: await lagOf(prisma, phases.filter((p) => p.syncEnabled).map((p) => p.events)),
    phases: phases.map(({ syncEnabled, perSecond }) => ({ syncEnabled, perSecond: Math.round(perSecond) })),
  };
}

async function markAllApplied(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`UPDATE sync_events SET applied_at = now() WHERE applied_at IS NULL`;
}

async function lastEventId(prisma: PrismaClient): Promise<bigint> {
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
  return { p50: Math.round(lag!.p50 ?? 0), p99: Math.round(lag!.p99 ?? 0), events: Number(lag!.n) };
}

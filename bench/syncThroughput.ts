// Sustained write throughput with the graph sync on against GRAPH_SYNC_ENABLED=false, side by side,
// and the commit-to-graph-visible lag at that load; the sync suite (suites/sync.ts) runs it. Writes
// go through the mutations' write path (rows + outbox events in one transaction, then afterCommit);
// once the GraphQL mutations land, point `mutate` at them instead.
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
import { newScope, syncedWrites, uniqueHex } from "../tests/support/syncedWrites.ts";

export interface SyncThroughputOptions {
  /** Length of each phase. */
  readonly seconds: number;
  /** Concurrent writers, each looping over a mix of mutations flat out. */
  readonly writers: number;
  /** A database of the benchmark's own: the whole outbox is drained and marked applied. */
  readonly prisma: PrismaClient;
  readonly graph: GraphConnection;
  readonly config: Config;
}

export interface SyncThroughput {
  readonly syncOnPerSecond: number;
  readonly syncOffPerSecond: number;
  readonly ratio: number;
  readonly lagMs: { readonly p50: number; readonly p99: number; readonly events: number };
}

const logger = createLogger("warn");

async function phase({ seconds, writers, prisma, graph, config }: SyncThroughputOptions, syncEnabled: boolean) {
  const phaseConfig = { ...config, graphSyncEnabled: syncEnabled };
  const metrics = createMetricsRegistry();
  const sync = createGraphSync({ config: phaseConfig, prisma, graph, logger, metrics: createSyncMetrics(metrics) });
  const deps: GatewayDeps = benchDeps({ config: phaseConfig, prisma, graph, logger, metrics, sync });
  const [last] = await prisma.$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM sync_events`;
  const firstEvent = last!.max;
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
  return { mutationsPerSecond: mutations / elapsed, firstEvent: firstEvent ?? 0n };
}

async function waitForOutbox(db: PrismaClient) {
  for (;;) {
    const [pending] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM sync_events WHERE applied_at IS NULL`;
    if (pending!.n === 0n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function measureSyncThroughput(options: SyncThroughputOptions): Promise<SyncThroughput> {
  const { prisma } = options;
  // Anything left from an earlier run would be drained inside the measured phase.
  await prisma.$executeRaw`UPDATE sync_events SET applied_at = now() WHERE applied_at IS NULL`;
  const on = await phase(options, true);
  const [lag] = await prisma.$queryRaw<{ p50: number; p99: number; n: bigint }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - created_at)) * 1000 AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - created_at)) * 1000 AS p99,
           count(*) AS n
      FROM sync_events WHERE id > ${on.firstEvent} AND applied_at IS NOT NULL`;
  const off = await phase(options, false);
  await prisma.$executeRaw`UPDATE sync_events SET applied_at = now() WHERE applied_at IS NULL AND id > ${off.firstEvent}`;

  return {
    syncOnPerSecond: Math.round(on.mutationsPerSecond),
    syncOffPerSecond: Math.round(off.mutationsPerSecond),
    ratio: Number((on.mutationsPerSecond / off.mutationsPerSecond).toFixed(2)),
    lagMs: { p50: Math.round(lag!.p50), p99: Math.round(lag!.p99), events: Number(lag!.n) },
  };
}

// The sync issue's numbers: mutation throughput with the sync on against GRAPH_SYNC_ENABLED=false and
// the commit-to-graph lag at that load. Each repetition is an on/off pair, so a busy moment of the
// shared machine hits both sides of one ratio; the table reports the medians over the pairs.
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import type { Suite } from "../suite.ts";
import { median } from "../support/stats.ts";
import { measureSyncThroughput, type SyncThroughput } from "../syncThroughput.ts";

const GOALS = { ratio: 0.8, lagP99Ms: 250 };

export const run: Suite = async (ctx) => {
  const seconds = ctx.smoke ? 1 : 15;
  const writers = ctx.smoke ? 2 : 8;
  const repetitions = ctx.smoke ? 1 : 3;
  // Any data set serves: the writers create organizations of their own.
  const data = await ctx.stores.loadDataset(ctx.presets.queries, { fill: true });
  const prisma = createPrisma(data.databaseUrl, { maxConnections: writers + 4 });
  const pairs: SyncThroughput[] = [];
  try {
    for (let i = 0; i < repetitions; i++) {
      ctx.log(`sync on, then off: ${seconds} s each, ${writers} writers (${i + 1}/${repetitions}) …`);
      pairs.push(await measureSyncThroughput({ seconds, writers, prisma, graph: ctx.stores.graph, config: ctx.stores.config }));
    }
  } finally {
    await prisma.$disconnect();
  }
  const of = (value: (pair: SyncThroughput) => number) => median(pairs.map(value));
  const result = {
    syncOnPerSecond: of((p) => p.syncOnPerSecond),
    syncOffPerSecond: of((p) => p.syncOffPerSecond),
    ratio: of((p) => p.ratio),
    lagMs: { p50: of((p) => p.lagMs.p50), p99: of((p) => p.lagMs.p99) },
  };
  return {
    checks: [
      {
        what: `mutation throughput, sync on vs GRAPH_SYNC_ENABLED=false (${writers} writers flat out, median of ${repetitions})`,
        measured: `${result.syncOnPerSecond} vs ${result.syncOffPerSecond} /s, ratio ${result.ratio}`,
        goal: `ratio ≥ ${GOALS.ratio}`,
        met: result.ratio >= GOALS.ratio,
      },
      {
        what: "commit-to-graph lag at that load",
        measured: `p50 ${result.lagMs.p50} ms, p99 ${result.lagMs.p99} ms`,
        goal: `p99 ≤ ${GOALS.lagP99Ms} ms`,
        met: result.lagMs.p99 <= GOALS.lagP99Ms,
      },
    ],
    data: { seconds, writers, repetitions, ...result, pairs, goals: GOALS },
  };
};

// The sync issue's numbers: mutation throughput with the sync on against GRAPH_SYNC_ENABLED=false and
// the commit-to-graph lag at that load, as medians over on/off pairs (see syncThroughput.ts).
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import type { Suite } from "../suite.ts";
import { measureSyncThroughput } from "../syncThroughput.ts";

const GOALS = { ratio: 0.8, lagP99Ms: 250 };

export const run: Suite = async (ctx) => {
  const options = ctx.smoke ? { seconds: 1, writers: 2, reps: 1, warmupSeconds: 0, rampSeconds: 0 } : { seconds: 10, writers: 8, reps: 3, warmupSeconds: 30, rampSeconds: 3 };
  // Any data set serves: the writers create organizations of their own, with its colors.
  const { coalesceMs } = ctx.stores.config.graphSync;
  const data = await ctx.stores.loadDataset(ctx.presets.queries, { fill: true });
  const bookkeeping = createPrisma(data.databaseUrl, { maxConnections: 2 });
  ctx.log(`sync on/off: ${options.reps} pairs of ${options.seconds} s phases, ${options.writers} writers …`);
  const result = await measureSyncThroughput({
    ...options,
    prisma: bookkeeping,
    hexes: data.sample.hexes,
    config: ctx.stores.config,
    databaseUrl: data.databaseUrl,
    neo4jUri: ctx.stores.neo4jUri,
  }).finally(() => bookkeeping.$disconnect());
  return {
    checks: [
      {
        what: `mutation throughput, sync on vs GRAPH_SYNC_ENABLED=false (${options.writers} writers flat out, ${options.reps} pairs, ratio the median of the pairs' ratios ${result.pairRatios.join(", ")}, GRAPH_SYNC_COALESCE_MS=${coalesceMs})`,
        measured: `${result.syncOnPerSecond} vs ${result.syncOffPerSecond} /s, ratio ${result.ratio}`,
        goal: `ratio ≥ ${GOALS.ratio}`,
        met: result.ratio >= GOALS.ratio,
      },
      {
        what: "commit-to-graph lag at that load",
        measured: `p50 ${result.lagMs.p50} ms, p99 ${result.lagMs.p99} ms (${result.lagMs.events} events)`,
        goal: `p99 ≤ ${GOALS.lagP99Ms} ms`,
        met: result.lagMs.p99 <= GOALS.lagP99Ms,
      },
    ],
    data: { ...options, coalesceMs, ...result, goals: GOALS },
  };
};

// The sync issue's numbers: mutation throughput with the sync on against GRAPH_SYNC_ENABLED=false and
// the commit-to-graph lag at that load, as medians over on/off pairs (see syncThroughput.ts); and the
// CDC issue's: what the capture triggers add to a bulk write's statement time (captureOverhead.ts).
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import type { Suite } from "../suite.ts";
import { measureCaptureOverhead } from "../captureOverhead.ts";
import { CPU_PARTS, describeCpu, describeWarmupPhases, measureSyncThroughput } from "../syncThroughput.ts";

const GOALS = { ratio: 0.8, lagP99Ms: 250, captureOverhead: 2 };

export const run: Suite = async (ctx) => {
  const options = ctx.smoke ? { seconds: 1, writers: 2, reps: 1, warmupSeconds: 0, rampSeconds: 0 } : { seconds: 10, writers: 8, reps: 5, warmupSeconds: 60, rampSeconds: 3 };
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
  const bulk = ctx.smoke ? { insertedRows: 2_000, updatedBrands: 1_000, reps: 1 } : { insertedRows: 100_000, updatedBrands: 50_000, reps: 3 };
  ctx.log(`capture overhead: INSERT … SELECT of ${bulk.insertedRows} brands, UPDATE of ${bulk.updatedBrands}, ${bulk.reps} on/off pairs …`);
  const capture = await measureCaptureOverhead({ databaseUrl: data.databaseUrl, ...bulk });
  return {
    checks: [
      {
        what: `mutation throughput, sync on vs GRAPH_SYNC_ENABLED=false (${options.writers} writers flat out, ${options.reps} pairs, ratio the median of the pairs' ratios ${result.pairRatios.join(", ")}, GRAPH_SYNC_COALESCE_MS=${coalesceMs}; ${describeWarmupPhases(result.warmup)})`,
        measured: `${result.syncOnPerSecond} vs ${result.syncOffPerSecond} /s, ratio ${result.ratio}`,
        goal: `ratio ≥ ${GOALS.ratio}`,
        met: result.ratio >= GOALS.ratio,
      },
      {
        what: `CPU ms per mutation at that load, sync on vs off (${CPU_PARTS}): where the ratio comes from`,
        measured: describeCpu(result.cpuMsPerMutation.syncOn, result.cpuMsPerMutation.syncOff),
        goal: "—",
        met: null,
      },
      {
        what: "commit-to-graph lag at that load",
        measured: `p50 ${result.lagMs.p50} ms, p99 ${result.lagMs.p99} ms (${result.lagMs.events} events)`,
        goal: `p99 ≤ ${GOALS.lagP99Ms} ms`,
        met: result.lagMs.p99 <= GOALS.lagP99Ms,
      },
      {
        what: `bulk INSERT … SELECT of ${bulk.insertedRows} brands, capture triggers on vs disabled (median of ${bulk.reps} pairs)`,
        measured: `${capture.insert.onMs} vs ${capture.insert.offMs} ms, ×${capture.insert.ratio}`,
        goal: `≤ ${GOALS.captureOverhead}×`,
        met: capture.insert.ratio <= GOALS.captureOverhead,
      },
      {
        what: `bulk UPDATE of ${bulk.updatedBrands} brands, capture triggers on vs disabled (median of ${bulk.reps} pairs)`,
        measured: `${capture.update.onMs} vs ${capture.update.offMs} ms, ×${capture.update.ratio}`,
        goal: `≤ ${GOALS.captureOverhead}×`,
        met: capture.update.ratio <= GOALS.captureOverhead,
      },
    ],
    data: { ...options, coalesceMs, ...result, captureOverhead: { ...bulk, ...capture }, goals: GOALS },
  };
};

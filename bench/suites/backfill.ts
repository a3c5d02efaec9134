// The backfill issue's numbers, on the free-tier data set: the seed plan's per-entity approach
// against ours on a slice of organizations (both must write the same graph), then full backfills
// (execute), each in a child process, whose wall time and peak RSS are the backfill's alone.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { parseRunOptions } from "../../src/backfill/backfillOptions.ts";
import { runBackfill } from "../../src/backfill/runBackfill.ts";
import { createPrisma, type PrismaClient } from "../../src/postgres/createPrisma.ts";
import { projectRoot } from "../../src/stack/paths.ts";
import { BENCH_BATCH_SIZE } from "../benchStores.ts";
import type { BenchContext, Check, Suite } from "../suite.ts";
import { countGraph, sameCounts, wipeGraph, type GraphCounts } from "../support/benchGraph.ts";
import { describeGraph, formatCount } from "../support/format.ts";
import { median, round } from "../support/stats.ts";
import { planBackfill } from "./planApproach.ts";

const GOALS = { fullSeconds: 60, peakRssMb: 512, speedup: 20 };
/** Issue #29's goals for ten times the free tier. */
const LARGE_GOALS = { ...GOALS, fullSeconds: 600, peakRssMb: 1024 };

export const run: Suite = async (ctx) => {
  const sliceOrganizations = ctx.smoke ? 2 : 40;
  // A full backfill of the large data set takes minutes: once is enough there.
  const repetitions = ctx.smoke || ctx.presets.backfill === "large" ? 1 : 3;
  const data = await ctx.stores.loadDataset(ctx.presets.backfill, { fill: false });
  const goals = data.preset === "large" ? LARGE_GOALS : GOALS;
  const { graph } = ctx.stores;
  // The warm-up slice is other organizations than the measured one, so the measured writes are all new.
  const organizationIds = data.sample.organizationIds.slice(0, sliceOrganizations);
  const warmupIds = ctx.smoke ? [] : data.sample.organizationIds.slice(sliceOrganizations, sliceOrganizations + 2);

  const prisma = createPrisma(data.databaseUrl, { maxConnections: 4 });
  const slice = await compareWithThePlan(ctx, prisma, { organizationIds, warmupIds, repetitions }).finally(() => prisma.$disconnect());

  const fullRuns: { seconds: number; peakRssMb: number; graph: GraphCounts; report: unknown }[] = [];
  for (let i = 0; i < repetitions; i++) {
    if (i > 0) await wipeGraph(graph);
    ctx.log(`full backfill (execute, batch size ${BENCH_BATCH_SIZE}) in a child process (${i + 1}/${repetitions}) …`);
    const run = await backfillInChild(data.databaseUrl, ctx.stores.neo4jUri);
    fullRuns.push({ ...run, graph: await countGraph(graph) });
  }
  const full = {
    seconds: median(fullRuns.map((r) => r.seconds)),
    peakRssMb: Math.max(...fullRuns.map((r) => r.peakRssMb)),
    graph: fullRuns.at(-1)!.graph,
    matches: fullRuns.every((r) => sameCounts(r.graph, data.expectedGraph)),
  };

  const checks: Check[] = [
    {
      what: `full backfill, ${data.preset} data set (${describeGraph(full.graph)}), median of ${repetitions}`,
      measured: `${round(full.seconds, 1)} s`,
      goal: `≤ ${goals.fullSeconds} s`,
      met: full.seconds <= goals.fullSeconds,
    },
    { what: "peak RSS of the full backfill process, highest", measured: `${Math.round(full.peakRssMb)} MB`, goal: `≤ ${goals.peakRssMb} MB`, met: full.peakRssMb <= goals.peakRssMb },
    {
      what: "graph after each full backfill vs the Postgres rows",
      measured: full.matches ? "equal" : fullRuns.map((r) => describeGraph(r.graph)).join("; "),
      goal: full.matches ? "equal" : `equal: ${describeGraph(data.expectedGraph)}`,
      met: full.matches,
    },
    {
      what: `backfill vs the seed plan's one session.run per entity (${slice.organizations} organizations, ${formatCount(slice.graph.nodes)} nodes)`,
      measured: `${slice.speedup}× (${round(slice.plan.seconds, 1)} s vs ${round(slice.ours.seconds, 1)} s)${slice.sameGraph ? "" : ", different graphs"}`,
      goal: `≥ ${GOALS.speedup}×, same graph`,
      met: slice.speedup >= GOALS.speedup && slice.sameGraph,
    },
  ];
  return {
    checks,
    data: {
      preset: data.preset,
      batchSize: BENCH_BATCH_SIZE,
      generated: { rows: data.rows, seconds: data.generateSeconds },
      full: { ...full, expectedGraph: data.expectedGraph, runs: fullRuns.map(({ seconds, peakRssMb }) => ({ seconds: round(seconds), peakRssMb: round(peakRssMb) })), report: fullRuns.at(-1)!.report },
      slice,
      goals,
    },
  };
};

interface SliceRuns {
  readonly organizationIds: readonly string[];
  readonly warmupIds: readonly string[];
  readonly repetitions: number;
}

/**
 * Both approaches first write a small other slice untimed (Cypher plans, JIT), then the plan's
 * approach writes the slice once (it takes most of a minute) and ours `repetitions` times, into an
 * emptied graph each time.
 */
async function compareWithThePlan(ctx: BenchContext, prisma: PrismaClient, { organizationIds, warmupIds, repetitions }: SliceRuns) {
  const { graph } = ctx.stores;
  const ours = (ids: readonly string[]) => runBackfill({ prisma, graph }, parseRunOptions("backfill", { dryRun: false, batchSize: BENCH_BATCH_SIZE, organizationIds: ids }));
  if (warmupIds.length > 0) {
    ctx.log(`warm-up: both approaches on ${warmupIds.length} other organizations …`);
    await planBackfill(prisma, graph, warmupIds);
    await wipeGraph(graph);
    await ours(warmupIds);
    await wipeGraph(graph);
  }

  ctx.log(`slice of ${organizationIds.length} organizations: the plan's approach …`);
  const plan = await timed(() => planBackfill(prisma, graph, organizationIds));
  const planGraph = await countGraph(graph);
  await wipeGraph(graph);
  const oursRuns: { seconds: number; graph: GraphCounts }[] = [];
  for (let i = 0; i < repetitions; i++) {
    ctx.log(`slice: ours (${i + 1}/${repetitions}) …`);
    const { seconds } = await timed(() => ours(organizationIds));
    oursRuns.push({ seconds, graph: await countGraph(graph) });
    await wipeGraph(graph);
  }
  const oursSeconds = median(oursRuns.map((o) => o.seconds));
  return {
    organizations: organizationIds.length,
    graph: planGraph,
    sameGraph: oursRuns.every((o) => sameCounts(o.graph, planGraph)),
    plan: { seconds: plan.seconds, sessionRuns: plan.value },
    ours: { seconds: oursSeconds, runs: oursRuns.map((o) => o.seconds) },
    speedup: round(plan.seconds / oursSeconds, 1),
  };
}

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const value = await work();
  return { value, seconds: round((performance.now() - started) / 1000) };
}

async function backfillInChild(databaseUrl: string, neo4jUri: string) {
  const child = await promisify(execFile)(
    process.execPath,
    ["--import", "tsx", path.join("bench", "suites", "backfillChild.ts"), databaseUrl, neo4jUri, String(BENCH_BATCH_SIZE)],
    { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; peakRssMb: number; report: unknown };
}

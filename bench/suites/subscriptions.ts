// Issue 24's live-update numbers: mutation commit → subscription message p50/p99 under the sync
// benchmark's load, the extra RSS of idle subscribers, and mutation throughput with them vs none.
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import type { Suite } from "../suite.ts";
import { measureSubscriptions } from "../subscriptionsBench.ts";
import { CPU_PARTS, describeCpu, describeWarmup } from "../syncThroughput.ts";

const GOALS = { latencyP99Ms: 300, idleRssMb: 50, ratio: 0.95 };

export const run: Suite = async (ctx) => {
  const options = ctx.smoke
    ? { seconds: 1, writers: 2, reps: 1, warmupSeconds: 0, rampSeconds: 0, idleSubscribers: 20 }
    : { seconds: 10, writers: 8, reps: 6, warmupSeconds: 20, rampSeconds: 3, idleSubscribers: 1_000 };
  const data = await ctx.stores.loadDataset(ctx.presets.queries, { fill: true });
  const bookkeeping = createPrisma(data.databaseUrl, { maxConnections: 2 });
  try {
    const [quiet] = await bookkeeping.brand.findMany({ take: 1, orderBy: { id: "asc" }, select: { id: true } });
    ctx.log(`subscriptions: ${options.reps} pairs of ${options.seconds} s phases, ${options.writers} writers, ${options.idleSubscribers} idle subscribers …`);
    const result = await measureSubscriptions({
      ...options,
      prisma: bookkeeping,
      hexes: data.sample.hexes,
      quietBrandId: quiet!.id,
      config: ctx.stores.config,
      databaseUrl: data.databaseUrl,
      neo4jUri: ctx.stores.neo4jUri,
    });
    return {
      checks: [
        {
          what: `mutation commit → graphChanged message (${options.writers} writers flat out)`,
          measured: `p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms (${result.latencyMs.messages} messages, ${result.latencyMs.missing} events never told)`,
          goal: `p99 ≤ ${GOALS.latencyP99Ms} ms, every event told`,
          met: result.latencyMs.p99 <= GOALS.latencyP99Ms && result.latencyMs.missing === 0,
        },
        {
          what: `extra memory of ${options.idleSubscribers} idle subscribers (after forced GC; the larger of RSS and heap + external)`,
          measured: `${result.idleRssMb} MB (RSS ${result.idleMemoryMb.rss} MB, heap + external ${result.idleMemoryMb.retained} MB)`,
          goal: `≤ ${GOALS.idleRssMb} MB`,
          met: result.idleRssMb <= GOALS.idleRssMb,
        },
        {
          what: `mutation throughput with ${options.idleSubscribers} idle subscribers vs none (${options.reps} pairs of ${options.seconds} s, ratio the median of the pairs' ratios ${result.pairRatios.join(", ")}; ${describeWarmup(result.warmupPhases, result.warmupJitShare)})`,
          measured: `${result.withIdlePerSecond} vs ${result.withoutIdlePerSecond} /s, ratio ${result.ratio}`,
          goal: `ratio ≥ ${GOALS.ratio}`,
          met: result.ratio >= GOALS.ratio,
        },
        {
          what: `the same pairs, each phase's throughput scaled by its load client's CPU per mutation, which gauges the machine's speed (an estimate: a gateway slowed by the subscribers would raise that CPU too; pairs ${result.speedScaledPairRatios.join(", ")})`,
          measured: `ratio ${result.speedScaledRatio}`,
          goal: "—",
          met: null,
        },
        {
          what: `CPU ms per mutation at that load, with the idle subscribers vs none (${CPU_PARTS}); the idle subscribers' own process, which shares the machine's cores, in cores busy`,
          measured: `${describeCpu(result.cpuMsPerMutation.withIdle, result.cpuMsPerMutation.withoutIdle)}; idle subscribers ${result.idleSubscribersCores} cores`,
          goal: "—",
          met: null,
        },
      ],
      data: { ...options, ...result, goals: GOALS },
    };
  } finally {
    await bookkeeping.$disconnect();
  }
};

// Backfill and reconcile progress as gauges, read at scrape time from the latest run's row in
// backfill_runs, so any replica shows the progress of a run another replica is serving.
import { Gauge } from "prom-client";
import type { PrismaClient } from "../postgres/createPrisma.ts";
import { latestRunCounts } from "./backfillRunStore.ts";
import type { Registry } from "../observability/metricsRegistry.ts";

export function registerBackfillGauges(registry: Registry, prisma: PrismaClient): void {
  new Gauge({
    name: "mobius_backfill_processed_entities",
    help: "Entities processed so far by the latest backfill or reconcile run, per step (total in mobius_backfill_total_entities)",
    labelNames: ["mode", "step"],
    registers: [registry],
    async collect() {
      const run = await latestRun(prisma);
      if (run) for (const [step, counts] of run.steps) this.set({ mode: run.mode, step }, counts.processed);
    },
  });
  new Gauge({
    name: "mobius_backfill_total_entities",
    help: "Entities the latest backfill or reconcile run has to process, per step",
    labelNames: ["mode", "step"],
    registers: [registry],
    async collect() {
      const run = await latestRun(prisma);
      if (run) for (const [step, counts] of run.steps) this.set({ mode: run.mode, step }, counts.total);
    },
  });
}

// A scrape must not fail because Postgres blinked; the gauges keep their last values.
const latestRun = (prisma: PrismaClient) => latestRunCounts(prisma).catch(() => null);

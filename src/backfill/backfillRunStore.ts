// Every read and write of backfill_runs: the checkpoint a run resumes from. It is saved after each
// finished batch, outside the batch's own transaction: a kill between the two only redoes that one
// batch, which is idempotent.
import type { PrismaClient } from "../postgres/createPrisma.ts";
import { notFound } from "../errors/codes.ts";
import type { ReconcileKind, RunMode, RunOptions } from "./backfillOptions.ts";
import type { StepCounts } from "./runProgress.ts";

export interface BackfillRunState {
  readonly id: string;
  readonly options: RunOptions;
  checkpoint: Record<string, string>;
  report: Record<string, StepCounts>;
  batches: number;
  durationMs: number;
  finished: boolean;
}

export async function createRun(
  prisma: PrismaClient,
  options: RunOptions,
  report: Record<string, StepCounts>,
): Promise<BackfillRunState> {
  const row = await prisma.backfillRun.create({
    data: {
      mode: options.mode,
      dryRun: options.dryRun,
      entities: [...options.entities],
      organizationIds: [...(options.organizationIds ?? [])],
      batchSize: options.batchSize,
      report: report as object,
    },
  });
  return { id: row.id, options, checkpoint: {}, report, batches: 0, durationMs: 0, finished: false };
}

export async function loadRun(prisma: PrismaClient, mode: RunMode, id: string): Promise<BackfillRunState> {
  const row = await prisma.backfillRun.findUnique({ where: { id } }).catch(() => null);
  if (!row || row.mode !== mode) throw notFound(`${mode} run`, id, "runId");
  return {
    id: row.id,
    options: {
      mode,
      dryRun: row.dryRun,
      entities: row.entities as ReconcileKind[],
      batchSize: row.batchSize,
      organizationIds: row.organizationIds.length ? row.organizationIds : null,
    },
    checkpoint: row.checkpoint as Record<string, string>,
    report: row.report as unknown as Record<string, StepCounts>,
    batches: row.batches,
    durationMs: row.durationMs,
    finished: row.finishedAt !== null,
  };
}

export async function saveRun(prisma: PrismaClient, run: BackfillRunState): Promise<void> {
  await prisma.backfillRun.update({
    where: { id: run.id },
    data: {
      checkpoint: run.checkpoint,
      report: run.report as object,
      batches: run.batches,
      durationMs: run.durationMs,
      finishedAt: run.finished ? new Date() : null,
    },
  });
}

/** The latest run's mode and counts per step, for the progress gauges; null when none ran yet. */
export async function latestRunCounts(prisma: PrismaClient): Promise<{ mode: string; steps: [string, StepCounts][] } | null> {
  const run = await prisma.backfillRun.findFirst({ orderBy: { startedAt: "desc" }, select: { mode: true, report: true } });
  if (!run) return null;
  return { mode: run.mode, steps: Object.entries((run.report ?? {}) as unknown as Record<string, StepCounts>) };
}

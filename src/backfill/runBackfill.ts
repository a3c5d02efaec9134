// Backfill and reconcile share this loop: steps (runProgress.ts) in order, each a keyset walk in
// batches, the run's checkpoint saved after every finished batch. A call may stop early — after
// `maxBatches` (the CLI's batch window, keeping each HTTP request short) or because it was killed —
// and a later call with the run's id carries on after the last finished batch, never redoing one.
import { badInput } from "../errors/codes.ts";
import type { RunOptions } from "./backfillOptions.ts";
import type { BatchDeps } from "./batchDeps.ts";
import { createRun, loadRun, saveRun, type BackfillRunState } from "./backfillRunStore.ts";
import { readGraphLabelCounts, readPostgresLabelCounts, type LabelCounts } from "./readLabelCounts.ts";
import { readGraphIds } from "./readGraphIds.ts";
import { readPostgresIds } from "./readPostgresIds.ts";
import { reconcileColorBatch, readGraphColors } from "./reconcileColorBatch.ts";
import { reconcileGraphBatch } from "./reconcileGraphBatch.ts";
import { reconcilePostgresBatch } from "./reconcilePostgresBatch.ts";
import { addCounts, emptyCounts, stepsOf, type BatchCounts, type Step, type StepCounts } from "./runProgress.ts";

export interface RunControl {
  /** Continue this run from its checkpoint; its stored options win. */
  readonly runId?: string | null;
  /** Stop after this many batches (the run stays resumable). */
  readonly maxBatches?: number | null;
}

export interface RunResult {
  readonly run: BackfillRunState;
  /** Batches this call processed. */
  readonly batches: number;
  /** The checkpoint this call started from; empty for a new run. */
  readonly resumedFrom: Record<string, string>;
  /** Per label, once the run has finished (reconcile only). */
  readonly counts: { postgres: LabelCounts; graph: LabelCounts } | null;
}

export async function runBackfill(deps: BatchDeps, options: RunOptions, control: RunControl = {}): Promise<RunResult> {
  const started = Date.now();
  const run = control.runId ? await loadRun(deps.prisma, options.mode, control.runId) : await startRun(deps, options);
  if (run.options.dryRun !== options.dryRun) {
    throw badInput("dryRun", `run ${run.id} was started with dryRun: ${run.options.dryRun}; resume it the same way`);
  }
  const resumedFrom = { ...run.checkpoint };
  const priorDurationMs = run.durationMs;
  let batches = 0;
  const budgetLeft = () => (control.maxBatches ?? Infinity) > batches;

  for (const step of stepsOf(run.options)) {
    const progress = (run.report[step.name] ??= emptyCounts());
    while (!progress.done && budgetLeft()) {
      const { last, counts, full } = await runBatch(deps, run, step);
      addCounts(progress, counts);
      if (last !== null) run.checkpoint[step.name] = last;
      progress.done = !full;
      batches += 1;
      run.batches += 1;
      run.durationMs = priorDurationMs + (Date.now() - started);
      await saveRun(deps.prisma, run);
    }
    if (!progress.done) break;
  }
  run.finished = stepsOf(run.options).every((s) => run.report[s.name]?.done);
  run.durationMs = priorDurationMs + (Date.now() - started);
  await saveRun(deps.prisma, run);
  const counts = run.finished && run.options.mode === "reconcile" ? await readCounts(deps, run.options) : null;
  return { run, batches, resumedFrom, counts };
}

async function startRun(deps: BatchDeps, options: RunOptions): Promise<BackfillRunState> {
  const needsGraphTotals = options.mode === "reconcile";
  const graphTotals = needsGraphTotals ? await readGraphLabelCounts(deps.graph, options.organizationIds) : null;
  const postgresTotals = await readPostgresLabelCounts(deps.prisma, options.organizationIds);
  const report: Record<string, StepCounts> = {};
  for (const step of stepsOf(options)) {
    const total = step.pass === "postgres" ? postgresTotals[step.kind] : graphTotals?.[step.kind];
    report[step.name] = emptyCounts(total ?? 0);
  }
  return createRun(deps.prisma, options, report);
}

async function runBatch(
  deps: BatchDeps,
  run: BackfillRunState,
  step: Step,
): Promise<{ last: string | null; counts: BatchCounts; full: boolean }> {
  const { batchSize: limit, organizationIds, dryRun } = run.options;
  const after = run.checkpoint[step.name] ?? "";
  switch (step.pass) {
    case "postgres": {
      const ids = await readPostgresIds(deps.prisma, step.kind, { after, limit, organizationIds });
      return { last: ids.at(-1) ?? null, counts: await reconcilePostgresBatch(deps, step.kind, ids, dryRun), full: ids.length === limit };
    }
    case "graph": {
      const ids = await readGraphIds(deps.graph, step.kind, { after, limit, organizationIds });
      return { last: ids.at(-1) ?? null, counts: await reconcileGraphBatch(deps, step.kind, ids, dryRun), full: ids.length === limit };
    }
    case "color": {
      const colors = await readGraphColors(deps, after, limit);
      return { last: colors.at(-1)?.hex ?? null, counts: await reconcileColorBatch(deps, colors, dryRun, colors.length < limit), full: colors.length === limit };
    }
    default:
      throw new Error(`unreachable step ${JSON.stringify(step satisfies never)}`);
  }
}

async function readCounts(deps: BatchDeps, options: RunOptions) {
  return {
    postgres: await readPostgresLabelCounts(deps.prisma, options.organizationIds),
    graph: await readGraphLabelCounts(deps.graph, options.organizationIds),
  };
}

// A run's stored progress as the GraphQL reports (schema/backfill.graphql) present it.
import type { BackfillReport, ReconcileReport } from "../generated/graphql.ts";
import { ENTITY_KINDS, type ReconcileKind } from "./backfillOptions.ts";
import type { RunResult } from "./runBackfill.ts";
import { emptyCounts, type StepCounts } from "./runProgress.ts";

const LABEL: Record<ReconcileKind, string> = {
  brand: "Brand",
  asset: "Asset",
  feedback: "RECEIVED_FEEDBACK",
  template: "Template",
  color: "Color",
};

function header({ run, batches, resumedFrom }: RunResult) {
  return {
    dryRun: run.options.dryRun,
    durationMs: run.durationMs,
    runId: run.id,
    finished: run.finished,
    batches,
    resumedFrom: Object.entries(resumedFrom).map(([step, lastId]) => ({ step, lastId })),
  };
}

const stepOf = (result: RunResult, name: string): StepCounts => result.run.report[name] ?? emptyCounts();

export function toBackfillReport(result: RunResult): BackfillReport {
  return {
    ...header(result),
    entities: ENTITY_KINDS.filter((kind) => result.run.options.entities.includes(kind)).map((kind) => {
      const s = stepOf(result, kind);
      return {
        entity: kind,
        created: s.missing,
        updated: s.differing,
        unchanged: s.unchanged,
        deferred: s.deferred,
        total: s.total,
        processed: s.processed,
        done: s.done,
      };
    }),
  };
}

export function toReconcileReport(result: RunResult): ReconcileReport {
  const { run, counts } = result;
  return {
    ...header(result),
    entities: run.options.entities.map((kind) => {
      // Colors have only their own pass; the other kinds a forward and an extras pass.
      const forward = kind === "color" ? emptyCounts() : stepOf(result, kind);
      const extras = stepOf(result, kind === "color" ? "color" : `${kind}:extra`);
      const sum = (key: keyof Omit<StepCounts, "done">) => forward[key] + extras[key];
      const repaired = run.options.dryRun ? 0 : sum("missing") + sum("differing") + sum("extra");
      return {
        entity: kind,
        label: LABEL[kind],
        missing: sum("missing"),
        extra: sum("extra"),
        differing: sum("differing"),
        differingNodes: sum("differingNodes"),
        differingRelationships: sum("differingRelationships"),
        unchanged: sum("unchanged"),
        repaired,
        deferred: sum("deferred"),
        postgresCount: counts?.postgres[kind] ?? null,
        graphCount: counts?.graph[kind] ?? null,
        total: sum("total"),
        processed: sum("processed"),
        done: (kind === "color" || forward.done) && (extras.done || (kind === "color" && !!run.options.organizationIds)),
      };
    }),
  };
}

// A run's progress as stored in backfill_runs: one entry per step (a forward pass over Postgres ids
// of a kind, "brand"; a pass over the graph's keys looking for extras, "brand:extra"; the Color
// pass, "color"), each with its last finished id and its counts so far.
import type { GraphEntityKind, ReconcileKind, RunOptions } from "./backfillOptions.ts";

export type Step =
  | { readonly name: GraphEntityKind; readonly kind: GraphEntityKind; readonly pass: "postgres" }
  | { readonly name: `${GraphEntityKind}:extra`; readonly kind: GraphEntityKind; readonly pass: "graph" }
  | { readonly name: "color"; readonly kind: "color"; readonly pass: "color" };

export interface StepCounts {
  total: number;
  processed: number;
  missing: number;
  differing: number;
  differingNodes: number;
  differingRelationships: number;
  unchanged: number;
  extra: number;
  /** Not written: the parent node is not in the graph (e.g. `entities` left out the parent kind). */
  deferred: number;
  done: boolean;
}

export type BatchCounts = Omit<StepCounts, "total" | "done">;

export const emptyCounts = (total = 0): StepCounts => ({
  total,
  processed: 0,
  missing: 0,
  differing: 0,
  differingNodes: 0,
  differingRelationships: 0,
  unchanged: 0,
  extra: 0,
  deferred: 0,
  done: false,
});

export function addCounts(into: StepCounts, batch: BatchCounts): void {
  for (const key of Object.keys(batch) as (keyof BatchCounts)[]) into[key] += batch[key];
}

/**
 * Forward passes first, in dependency order, so parents exist when children are written; extras
 * after every forward pass, so a child re-linked to its right parent is no longer under an extra
 * one when that is deleted; colors last, once every entity that uses them is right. Colors are
 * global, so an organization-scoped run leaves them to the projector of the entities it touches.
 */
export function stepsOf(options: RunOptions): Step[] {
  const kinds = options.entities.filter((k): k is GraphEntityKind => k !== "color");
  const steps: Step[] = kinds.map((kind) => ({ name: kind, kind, pass: "postgres" }));
  if (options.mode === "backfill") return steps;
  steps.push(...kinds.map((kind) => ({ name: `${kind}:extra` as const, kind, pass: "graph" as const })));
  if (options.entities.includes("color" as ReconcileKind) && !options.organizationIds) {
    steps.push({ name: "color", kind: "color", pass: "color" });
  }
  return steps;
}

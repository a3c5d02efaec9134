// One batch of a forward pass: Postgres ids of one kind, compared with the graph and, in execute
// mode, the missing and differing ones handed to the projector. Execute mode reads both sides
// under the drainer's entity locks, in the transaction the projector writes from, so a live
// projection of the same entity is either wholly before or wholly after this one and the graph
// ends at the newest state either way.
import type { EntityRef } from "../outbox/entityRef.ts";
import { projectEntities, type ReadUnderLocks } from "../projector/projectEntities.ts";
import { readEntityState, type EntityState } from "../projector/readEntityState.ts";
import { readGraphState, type GraphState } from "../projector/readGraphState.ts";
import type { GraphEntityKind } from "./backfillOptions.ts";
import type { BatchDeps } from "./batchDeps.ts";
import { forEachChunk } from "./forEachChunk.ts";
import { classifyEntities, type Classified } from "./classifyEntities.ts";
import { emptyCounts, type BatchCounts } from "./runProgress.ts";
import { differingShapes, reshapeBrands } from "./reconcileShapes.ts";

export async function reconcilePostgresBatch(
  deps: BatchDeps,
  kind: GraphEntityKind,
  ids: readonly string[],
  dryRun: boolean,
): Promise<BatchCounts> {
  const counts = batchCounts();
  await forEachChunk(deps, kind, ids, dryRun, {
    async dry(refs) {
      const [postgres, graph] = await Promise.all([readEntityState(deps.prisma, refs), readGraphState(deps.graph, refs)]);
      const classified = classifyEntities(refs, postgres, graph);
      tally(counts, classified, new Set());
      if (kind === "brand") tallyShapes(counts, await differingShapes(deps.graph, unchangedIds(classified)));
    },
    async locked(tx, refs) {
      // Both sides at once: the locks are held already, and the two reads share no connection.
      const [postgres, graph] = await Promise.all([readEntityState(tx, refs), readGraphState(deps.graph, refs)]);
      const classified = classifyEntities(refs, postgres, graph);
      const stale = classified.filter((c) => c.verdict.kind !== "unchanged").map((c) => c.ref);
      // Both sides were read under the locks the projection holds: no need to read them twice.
      const { deferred } = stale.length ? await projectEntities(tx, deps.graph, stale, only(stale, postgres, graph)) : { deferred: [] };
      tally(counts, classified, new Set(deferred.map((d) => d.ref.id)));
      if (kind !== "brand") return;
      // A palette the graph holds right with a shape it does not: re-shaped, under the same locks.
      const misshapen = await differingShapes(deps.graph, unchangedIds(classified));
      if (misshapen.length > 0) await reshapeBrands(deps.graph, misshapen);
      tallyShapes(counts, misshapen);
    },
  });
  return counts;
}

/** The part of what a chunk read that belongs to these refs (one kind per batch). */
function only(refs: readonly EntityRef[], state: EntityState, graph: GraphState): ReadUnderLocks {
  const ids = new Set(refs.map((r) => r.id));
  const keep = <T>(rows: T[], id: (row: T) => string) => rows.filter((row) => ids.has(id(row)));
  return {
    state: {
      brands: { upsert: keep(state.brands.upsert, (b) => b.brand_id), delete: keep(state.brands.delete, (id) => id) },
      assets: { upsert: keep(state.assets.upsert, (a) => a.asset_id), delete: keep(state.assets.delete, (id) => id) },
      feedback: { upsert: keep(state.feedback.upsert, (f) => f.feedback_id), delete: keep(state.feedback.delete, (id) => id) },
      templates: { upsert: keep(state.templates.upsert, (t) => t.template_id), delete: keep(state.templates.delete, (id) => id) },
    },
    graph: {
      brands: keep(graph.brands, (b) => b.brand_id),
      assets: keep(graph.assets, (a) => a.asset_id),
      feedback: keep(graph.feedback, (f) => f.feedback_id),
      templates: keep(graph.templates, (t) => t.template_id),
    },
  };
}

function tally(counts: BatchCounts, classified: Classified[], deferred: Set<string>): void {
  for (const { ref, verdict } of classified) {
    counts.processed += 1;
    if (deferred.has(ref.id)) {
      counts.deferred += 1;
      continue;
    }
    switch (verdict.kind) {
      case "missing":
        counts.missing += 1;
        break;
      case "differing":
        counts.differing += 1;
        if (verdict.node) counts.differingNodes += 1;
        if (verdict.relationships) counts.differingRelationships += 1;
        break;
      case "unchanged":
        counts.unchanged += 1;
        break;
      case "gone":
        // Deleted since its id was read: the projector removed it; a later pass counts nothing.
        break;
      default:
        throw new Error(`unreachable verdict ${JSON.stringify(verdict satisfies never)}`);
    }
  }
}

const unchangedIds = (classified: readonly Classified[]) => classified.filter((c) => c.verdict.kind === "unchanged").map((c) => c.ref.id);

/** Brands whose only drift is their palette shape: differing relationships, not unchanged. */
function tallyShapes(counts: BatchCounts, misshapen: readonly string[]): void {
  counts.unchanged -= misshapen.length;
  counts.differing += misshapen.length;
  counts.differingRelationships += misshapen.length;
}

export function batchCounts(): BatchCounts {
  const { total: _total, done: _done, ...counts } = emptyCounts();
  return counts;
}

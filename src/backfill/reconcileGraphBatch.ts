// One batch of an extras pass: keys the graph holds for a kind, checked against Postgres. A key
// with no row is drift (an extra node or relationship); in execute mode the projector removes it
// the same way it removes any deleted entity, under the same entity locks.
import { projectEntities } from "../projector/projectEntities.ts";
import { readEntityState, type EntityState } from "../projector/readEntityState.ts";
import type { GraphEntityKind } from "./backfillOptions.ts";
import type { BatchDeps } from "./batchDeps.ts";
import { forEachChunk } from "./forEachChunk.ts";
import { batchCounts } from "./reconcilePostgresBatch.ts";
import type { BatchCounts } from "./runProgress.ts";

const DELETED: Record<GraphEntityKind, (s: EntityState) => string[]> = {
  brand: (s) => s.brands.delete,
  asset: (s) => s.assets.delete,
  feedback: (s) => s.feedback.delete,
  template: (s) => s.templates.delete,
};

export async function reconcileGraphBatch(
  deps: BatchDeps,
  kind: GraphEntityKind,
  ids: readonly string[],
  dryRun: boolean,
): Promise<BatchCounts> {
  const counts = batchCounts();
  counts.processed = ids.length;
  await forEachChunk(deps, kind, ids, dryRun, {
    async dry(refs) {
      counts.extra += DELETED[kind](await readEntityState(deps.prisma, refs)).length;
    },
    async locked(tx, refs) {
      const extra = DELETED[kind](await readEntityState(tx, refs)).map((id) => ({ entity: kind, id }));
      if (extra.length) await projectEntities(tx, deps.graph, extra);
      counts.extra += extra.length;
    },
  });
  return counts;
}

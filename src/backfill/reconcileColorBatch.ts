// One batch of the Color pass. A Color node is derived from every palette and asset using its hex
// (readColorState.ts): one no row uses any more is extra, one holding anything but its hex (such as
// the global name graphs projected before palette names moved onto OWNS_COLOR have) differs.
// Repaired by the projector's own color step (writeGraph with no entities), under the projector's
// per-hex locks. Each used color's pair counts are then recounted (recountColorPairs.ts); the pairs
// that differed are the step's differing relationships. A color whose common label has not followed
// its owner count is flipped (a differing node), and shapes no brand holds are extra
// (reconcileShapes.ts).
import neo4j from "neo4j-driver";
import { lockColors, readColorState } from "../projector/readColorState.ts";
import type { EntityState } from "../projector/readEntityState.ts";
import { writeGraph } from "../projector/writeGraph.ts";
import type { BatchDeps } from "./batchDeps.ts";
import { CHUNK_TRANSACTION } from "./forEachChunk.ts";
import { reconcileCypher } from "./reconcileCypher.ts";
import { recountColorPairs } from "./recountColorPairs.ts";
import { crossingColors, emptyShapes } from "./reconcileShapes.ts";
import { settleCommonColors } from "../projector/paletteShapes.ts";
import { batchCounts } from "./reconcilePostgresBatch.ts";
import type { BatchCounts } from "./runProgress.ts";

const NO_ENTITIES: EntityState = {
  brands: { upsert: [], delete: [] },
  assets: { upsert: [], delete: [] },
  feedback: { upsert: [], delete: [] },
  templates: { upsert: [], delete: [] },
};

export interface GraphColor {
  readonly hex: string;
  /** Properties besides the hex; the projector writes none. */
  readonly otherKeys: string[];
}

export async function readGraphColors(deps: BatchDeps, after: string, limit: number): Promise<GraphColor[]> {
  const { records } = await deps.graph.driver.executeQuery(
    reconcileCypher.scanColors,
    { after, limit: neo4j.int(limit) },
    { database: deps.graph.database, routing: "READ" },
  );
  return records.map((r) => ({ hex: r.get("hex"), otherKeys: r.get("otherKeys") }));
}

/** `lastBatch`: the pass's last, which also looks for shapes no brand holds. */
export async function reconcileColorBatch(deps: BatchDeps, colors: readonly GraphColor[], dryRun: boolean, lastBatch = false): Promise<BatchCounts> {
  const counts = batchCounts();
  counts.processed = colors.length;
  const derived = new Map((await readColorState(deps.prisma, colors.map((c) => c.hex))).map((c) => [c.hex, c]));
  const drifted = colors.filter((c) => {
    const state = derived.get(c.hex)!;
    const differs = c.otherKeys.length > 0;
    if (!state.used) counts.extra += 1;
    else if (differs) (counts.differing += 1), (counts.differingNodes += 1);
    else counts.unchanged += 1;
    return !state.used || differs;
  });
  if (!dryRun && drifted.length > 0) {
    const hexes = drifted.map((c) => c.hex).sort();
    await deps.prisma.$transaction(async (tx) => {
      await lockColors(tx, hexes);
      const state = await readColorState(tx, hexes);
      await writeGraph(deps.graph, NO_ENTITIES, async () => state);
    }, CHUNK_TRANSACTION);
  }
  const used = colors.filter((c) => derived.get(c.hex)!.used).map((c) => c.hex);
  counts.differingRelationships = await recountColorPairs(deps.graph, used, dryRun);
  const crossing = await crossingColors(deps.graph, used);
  counts.differingNodes += crossing.length;
  if (!dryRun && crossing.length > 0) {
    await deps.prisma.$transaction(async (tx) => {
      await lockColors(tx, crossing);
      await settleCommonColors(deps.graph, crossing);
    }, CHUNK_TRANSACTION);
  }
  // Once per pass (the shapes are few and global; they have no step of their own).
  if (lastBatch) counts.extra += await emptyShapes(deps.graph, dryRun);
  return counts;
}

// One batch of the Color pass. A Color node is derived from every palette and asset using its hex
// (readColorState.ts): one no row uses any more is extra, one whose name is not the derived name
// differs. Repaired by the projector's own color step (writeGraph with no entities), under the
// projector's per-hex locks.
import neo4j from "neo4j-driver";
import { lockColors, readColorState } from "../projector/readColorState.ts";
import type { EntityState } from "../projector/readEntityState.ts";
import { writeGraph } from "../projector/writeGraph.ts";
import type { BatchDeps } from "./batchDeps.ts";
import { CHUNK_TRANSACTION } from "./forEachChunk.ts";
import { reconcileCypher } from "./reconcileCypher.ts";
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
  readonly name: string | null;
}

export async function readGraphColors(deps: BatchDeps, after: string, limit: number): Promise<GraphColor[]> {
  const { records } = await deps.graph.driver.executeQuery(
    reconcileCypher.scanColors,
    { after, limit: neo4j.int(limit) },
    { database: deps.graph.database, routing: "READ" },
  );
  return records.map((r) => ({ hex: r.get("hex"), name: r.get("name") }));
}

export async function reconcileColorBatch(deps: BatchDeps, colors: readonly GraphColor[], dryRun: boolean): Promise<BatchCounts> {
  const counts = batchCounts();
  counts.processed = colors.length;
  const derived = new Map((await readColorState(deps.prisma, colors.map((c) => c.hex))).map((c) => [c.hex, c]));
  const drifted = colors.filter((c) => {
    const state = derived.get(c.hex)!;
    if (!state.used) counts.extra += 1;
    else if (state.name !== c.name) (counts.differing += 1), (counts.differingNodes += 1);
    else counts.unchanged += 1;
    return !state.used || state.name !== c.name;
  });
  if (dryRun || drifted.length === 0) return counts;
  const hexes = drifted.map((c) => c.hex).sort();
  await deps.prisma.$transaction(async (tx) => {
    await lockColors(tx, hexes);
    await writeGraph(deps.graph, NO_ENTITIES, await readColorState(tx, hexes));
  }, CHUNK_TRANSACTION);
  return counts;
}

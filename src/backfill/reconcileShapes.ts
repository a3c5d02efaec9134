// Reconcile's check of the palette shapes similarBrands reads (src/projector/paletteShapes.ts). The
// projector keeps them exact as it writes; what it cannot see is a graph changed around it. Per brand
// of a batch the Brand pass re-derives the shape from the palette and the labels and re-shapes any
// brand holding another; the Color pass flips colors whose labels have not followed their owner
// counts and deletes shapes no brand holds.
import neo4j from "neo4j-driver";
import { inExplicitTransaction } from "../graph/explicitTransaction.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { retryTransient } from "../graph/retryTransient.ts";
import { commonColorMarks, paletteShapeCypher, PRUNE_SHAPE, RESHAPE_LOCKED, shapeOf } from "../projector/paletteShapes.ts";

const DIFFERING_SHAPES = `
  UNWIND $brandIds AS id
  MATCH (b:Brand {brand_id: id})
  ${shapeOf({ readLocks: false })}
  WITH b, key, [(b)-[:HAS_SHAPE]->(s) | s.key] AS held
  WHERE held <> CASE WHEN key IS NULL THEN [] ELSE [key] END
  RETURN collect(b.brand_id) AS ids`;

const EMPTY_SHAPES = `
  MATCH (s:PaletteShape) WHERE NOT EXISTS { (s)<-[:HAS_SHAPE]-() }
  RETURN collect(s.key) AS keys`;

// Locked before it is checked again: a projection joining the shape meanwhile keeps it.
const DELETE_EMPTY_SHAPES = `
  UNWIND $keys AS key
  MATCH (s:PaletteShape {key: key})
  CALL apoc.lock.nodes([s])
  ${PRUNE_SHAPE}`;

const TRANSIENT_ATTEMPTS = 5;

/** The brands among `brandIds` whose shape is not the one their palette and its labels give. */
export async function differingShapes(graph: GraphConnection, brandIds: readonly string[]): Promise<string[]> {
  if (brandIds.length === 0) return [];
  const { records } = await graph.driver.executeQuery(DIFFERING_SHAPES, { brandIds }, { database: graph.database, routing: neo4j.routing.READ });
  return records[0]?.get("ids") ?? [];
}

/** Re-shapes the brands; the caller holds their entity locks, not their colors'. */
export function reshapeBrands(graph: GraphConnection, brandIds: readonly string[]): Promise<void> {
  return retryTransient(TRANSIENT_ATTEMPTS, () =>
    inExplicitTransaction(graph, async (tx) => {
      await tx.run(RESHAPE_LOCKED, { brandIds });
      await tx.commit();
    }),
  );
}

/** The colors among `hexes` whose label has not followed their owner count across a mark. */
export async function crossingColors(graph: GraphConnection, hexes: readonly string[]): Promise<string[]> {
  if (hexes.length === 0) return [];
  const { records } = await graph.driver.executeQuery(
    paletteShapeCypher.crossingColors,
    { hexes, ...commonColorMarks(graph) },
    { database: graph.database, routing: neo4j.routing.READ },
  );
  return records.map((r) => r.get("id"));
}

/** Shapes no brand holds (left by a graph changed around the projector); deleted unless dryRun. */
export async function emptyShapes(graph: GraphConnection, dryRun: boolean): Promise<number> {
  const { records } = await graph.driver.executeQuery(EMPTY_SHAPES, {}, { database: graph.database, routing: neo4j.routing.READ });
  const keys: string[] = records[0]?.get("keys") ?? [];
  if (!dryRun && keys.length > 0) await graph.driver.executeQuery(DELETE_EMPTY_SHAPES, { keys }, { database: graph.database });
  return keys.length;
}

// Palette shapes: what similarBrands reads instead of walking every owner of a common color. A color
// is common (label :Common) when many brands own it; a brand owning any common color has one shape,
//   (:Brand)-[:HAS_SHAPE]->(:PaletteShape {key, common: [hex…], others: n})-[:HAS_COMMON]->(:Color:Common)
// which holds the common colors it owns (ascending hex) and how many other colors it has. A brand
// sharing no uncommon color with the asked palette has a Jaccard score that depends on its shape
// alone, so similarBrands ranks shapes, not the thousands of brands behind white and black.
//
// Which colors are common decides only how much similarBrands walks, never its answers; shapes must
// be exact for the labels as they are. The projector keeps them so in the projection's transaction
// (every upserted brand re-shaped after its palette is written; a shape no brand holds any more is
// deleted), and flips labels in transactions of their own (settleCommonColors): a color joins when
// its owners reach the join mark and leaves when they fall below half of it, so a color on the edge
// does not flip back and forth; a flip re-shapes every owner in the flip's transaction.
//
// Locks: every projection touching a color holds that hex's Postgres lock (readColorState.ts), and a
// flip runs under the lock of the projection that moved the owner count, so no palette write on that
// color runs beside it and a projection reads its colors' labels as they stay. Two flips of different
// colors may share owners: each holds its color's write lock (apoc.lock.nodes) and read-locks the
// colors whose labels it reads for the owners, so one waits for the other, or Neo4j finds the deadlock
// and the retried side reads the committed labels.
import { inExplicitTransaction } from "../graph/explicitTransaction.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { retryTransient } from "../graph/retryTransient.ts";

/** Owners at which a color becomes common; it stops being common below half of this. */
export const DEFAULT_COMMON_COLOR_OWNERS = 1000;

export interface CommonColorMarks {
  readonly join: number;
  readonly leave: number;
}

export function commonColorMarks(graph: GraphConnection): CommonColorMarks {
  const join = graph.commonColorOwners ?? DEFAULT_COMMON_COLOR_OWNERS;
  return { join, leave: Math.ceil(join / 2) };
}

/** Deletes shape `s` when no brand holds it any more (with its HAS_COMMON links, never a member's). */
export const PRUNE_SHAPE = `
  CALL (s) {
    WITH s WHERE NOT EXISTS { (s)<-[:HAS_SHAPE]-() }
    OPTIONAL MATCH (s)-[link:HAS_COMMON]->()
    DELETE link
    WITH DISTINCT s
    DELETE s
  }`;

/** A shape's key from `common` (its common colors by hex) and `colorCount`; null for no common color. */
const SHAPE_KEY = `CASE WHEN size(common) = 0 THEN null
  ELSE reduce(k = '', x IN common | k + x.hex) + '/' + toString(colorCount - size(common)) END`;

/** Brand `b`'s shape: its key, its common colors (ascending hex) and how many others it has. */
export const shapeOf = ({ readLocks }: { readLocks: boolean }) => `
  CALL (b) {
    OPTIONAL MATCH (b)-[:OWNS_COLOR]->(c:Color)
    WITH c ORDER BY c.hex
    WITH collect(c) AS colors
    ${readLocks ? "CALL apoc.lock.read.nodes(colors)" : ""}
    WITH [x IN colors WHERE x:Common] AS common, size(colors) AS colorCount
    RETURN common, colorCount - size(common) AS others, ${SHAPE_KEY} AS key
  }`;

/**
 * Re-derives brand `b`'s shape from its palette and its colors' labels. A projection holds the
 * Postgres locks of every color it reads the label of, and labels change only under those, so it
 * reads them as they are; anyone else (a flip re-shaping owners, reconcile) read-locks them.
 */
const reshape = ({ readLocks }: { readLocks: boolean }) => `
  ${shapeOf({ readLocks })}
  CALL (b, key) {
    MATCH (b)-[held:HAS_SHAPE]->(s:PaletteShape)
    WHERE key IS NULL OR s.key <> key
    DELETE held
    WITH DISTINCT s
    ${PRUNE_SHAPE}
  }
  CALL (b, key, common, others) {
    WITH b, key, common, others WHERE key IS NOT NULL
    MERGE (s:PaletteShape {key: key})
    ON CREATE SET s.common = [x IN common | x.hex], s.others = others
    MERGE (b)-[:HAS_SHAPE]->(s)
    WITH s, common
    UNWIND common AS c
    MERGE (s)-[:HAS_COMMON]->(c)
  }`;

export const paletteShapeCypher = {
  /** After the palettes are written: each upserted brand's shape for the labels as they are. */
  reshapeBrands: `
    UNWIND $brandIds AS id
    MATCH (b:Brand {brand_id: id})
    ${reshape({ readLocks: false })}`,

  /** Before the brands are deleted: their shapes, pruned once they have no other member. */
  leaveShapes: `
    UNWIND $brandIds AS id
    MATCH (:Brand {brand_id: id})-[held:HAS_SHAPE]->(s:PaletteShape)
    DELETE held
    WITH DISTINCT s
    ${PRUNE_SHAPE}`,

  /** The written colors whose owner count has crossed a mark its label has not followed. */
  crossingColors: `
    UNWIND $hexes AS hex
    MATCH (c:Color {hex: hex})
    WITH c, COUNT { (c)<-[:OWNS_COLOR]-() } AS owners
    WHERE (owners >= $join AND NOT c:Common) OR (owners < $leave AND c:Common)
    RETURN c.hex AS id`,
} as const;

/** Write-locks the color, decides again under the lock, flips its label and names its owners. */
const FLIP_COLOR = `
  MATCH (c:Color {hex: $hex})
  CALL apoc.lock.nodes([c])
  WITH c, COUNT { (c)<-[:OWNS_COLOR]-() } AS owners
  WITH c, CASE WHEN owners >= $join AND NOT c:Common THEN true
               WHEN owners < $leave AND c:Common THEN false END AS common
  WHERE common IS NOT NULL
  FOREACH (_ IN CASE WHEN common THEN [1] ELSE [] END | SET c:Common)
  FOREACH (_ IN CASE WHEN common THEN [] ELSE [1] END | REMOVE c:Common)
  WITH c
  MATCH (c)<-[:OWNS_COLOR]-(b:Brand)
  RETURN collect(b.brand_id) AS owners`;

/** Brands re-shaped outside their projection, under read locks on the colors they own. */
export const RESHAPE_LOCKED = `
  UNWIND $brandIds AS id
  MATCH (b:Brand {brand_id: id})
  ${reshape({ readLocks: true })}`;

const TRANSIENT_ATTEMPTS = 5;

/**
 * Flips the colors among `hexes` whose owner counts have crossed a mark, one transaction each, and
 * returns those flipped. The caller holds the hexes' Postgres color locks (projectEntities).
 */
export async function settleCommonColors(graph: GraphConnection, hexes: readonly string[]): Promise<string[]> {
  const marks = commonColorMarks(graph);
  const flipped: string[] = [];
  for (const hex of [...hexes].sort()) {
    const owners = await retryTransient(TRANSIENT_ATTEMPTS, () =>
      inExplicitTransaction(graph, async (tx) => {
        const { records } = await tx.run(FLIP_COLOR, { hex, ...marks });
        const owners: string[] | null = records[0]?.get("owners") ?? null;
        if (owners?.length) await tx.run(RESHAPE_LOCKED, { brandIds: owners });
        await tx.commit();
        return owners;
      }),
    );
    if (owners) flipped.push(hex);
  }
  return flipped;
}

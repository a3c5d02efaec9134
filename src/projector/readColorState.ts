// Color nodes are derived from every brand palette and asset that uses a hex, not from one entity,
// so their state is read per hex: the name is the smallest non-null brand_colors.name (byte order,
// independent of the database collation) and the node exists only while some row uses the hex.
// Both are deterministic functions of Postgres, so a full rebuild yields the same Color nodes.
import type { RawSql } from "../postgres/rawSql.ts";

export interface ColorState {
  readonly hex: string;
  readonly name: string | null;
  readonly used: boolean;
}

/** Advisory-lock namespace for hexes (entity locks use another, see lockEntities.ts). */
const COLOR_LOCK_NAMESPACE = 7_173_731;

/**
 * Serialises every projection touching a hex from here to its commit, so the last Color write
 * also read Postgres last. Locks are taken in one statement in key order, so two drainers cannot
 * deadlock on them. Transaction-scoped: outside a transaction this only waits for current holders.
 */
export async function lockColors(db: RawSql, hexes: readonly string[]): Promise<void> {
  if (hexes.length === 0) return;
  await db.$queryRaw`
    /* lockColors */
    SELECT pg_advisory_xact_lock(${COLOR_LOCK_NAMESPACE}::int4, k)::text
      FROM (SELECT DISTINCT hashtext(h) AS k FROM unnest(${[...hexes]}::text[]) AS h ORDER BY k) AS keys`;
}

/**
 * The palettes' names are aggregated in one grouped pass over brand_colors rather than a subquery
 * per hex: a backfill chunk asks for hundreds of hexes, and per-hex subqueries visited the table's
 * rows once per hex (and their estimated cost switched on Postgres' JIT): 62 ms against 12 ms for
 * 450 hexes on the free-tier data set. For a live projection's few hexes the planner still picks
 * the hex index.
 */
export async function readColorState(db: RawSql, hexes: readonly string[]): Promise<ColorState[]> {
  if (hexes.length === 0) return [];
  return db.$queryRaw<ColorState[]>`
    /* readColorState */
    SELECT h.hex, palettes.name,
           (palettes.hex IS NOT NULL OR EXISTS (SELECT 1 FROM asset_colors ac WHERE ac.hex = h.hex)) AS used
      FROM unnest(${[...hexes]}::text[]) AS h(hex)
      LEFT JOIN (SELECT hex, min(name COLLATE "C") AS name FROM brand_colors
                  WHERE hex = ANY(${[...hexes]}::text[]) GROUP BY hex) AS palettes ON palettes.hex = h.hex`;
}

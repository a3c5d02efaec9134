// Color nodes are derived from every brand palette and asset that uses a hex, not from one entity,
// so their state is read per hex: the node exists only while some row uses the hex. It holds the hex
// alone: palette names are tenant data and live on each brand's OWNS_COLOR. A deterministic
// function of Postgres, so a full rebuild yields the same Color nodes.
import type { RawSql } from "../postgres/rawSql.ts";

export interface ColorState {
  readonly hex: string;
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

/** Two index probes per hex (brand_colors, asset_colors), each stopping at the first row. */
export async function readColorState(db: RawSql, hexes: readonly string[]): Promise<ColorState[]> {
  if (hexes.length === 0) return [];
  return db.$queryRaw<ColorState[]>`
    /* readColorState */
    SELECT h.hex,
           (EXISTS (SELECT 1 FROM brand_colors bc WHERE bc.hex = h.hex)
            OR EXISTS (SELECT 1 FROM asset_colors ac WHERE ac.hex = h.hex)) AS used
      FROM unnest(${[...hexes]}::text[]) AS h(hex)`;
}

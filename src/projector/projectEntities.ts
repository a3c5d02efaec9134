// The one projector: live sync, the drainer, backfill and reconcile all call this. It is state-based:
// whatever events named the refs, it reads their *current* rows from Postgres and makes Neo4j equal
// them, so projecting twice, late, or after a lost event all converge on a full rebuild.
//
// Called inside a Postgres transaction that holds the refs' entity locks (see drainer.ts), the read
// and the write of each entity happen under one lock: a projection that writes later also read
// later, so an older state can never overwrite a newer one. Colors, shared by many entities, are
// locked per hex here for the same reason. A backfill pages through ids and, per page, opens a
// transaction, waits for lockEntities(tx, page) and projects the page.
import type { Transaction } from "neo4j-driver";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { refKey, type EntityRef } from "../outbox/entityRef.ts";
import { lockColors, readColorState } from "./readColorState.ts";
import { readEntityState, type EntityState } from "./readEntityState.ts";
import type { GraphState } from "./readGraphState.ts";
import { settleCommonColors } from "./paletteShapes.ts";
import { readLinkedHexes, writeGraph, type DeferredRef } from "./writeGraph.ts";

export interface ProjectionResult {
  /** Refs now equal to Postgres in the graph. */
  readonly applied: EntityRef[];
  /** Refs not written because a parent node is missing; retry them later. */
  readonly deferred: DeferredRef[];
  /** The Neo4j bookmarks of the write (writeGraph.ts). */
  readonly bookmarks: string[];
}

/** What a caller (backfill) has just read for exactly these refs, under the locks the projection holds. */
export interface ReadUnderLocks {
  readonly state: EntityState;
  readonly graph: GraphState;
}

export async function projectEntities(
  db: RawSql,
  graph: GraphConnection,
  refs: readonly EntityRef[],
  read?: ReadUnderLocks,
): Promise<ProjectionResult> {
  const state = read?.state ?? (await readEntityState(db, refs));
  const { deferred, bookmarks, crossing } = await writeGraph(graph, state, async (tx) => {
    const hexes = new Set(await linkedHexes(tx, state, read?.graph));
    for (const b of state.brands.upsert) for (const c of b.colors) hexes.add(c.hex);
    for (const a of state.assets.upsert) for (const c of a.colors) hexes.add(c.hex);
    // A transient retry reads the links again and locks them again (the locks are re-entrant).
    const sortedHexes = [...hexes].sort();
    await lockColors(db, sortedHexes);
    return readColorState(db, sortedHexes);
  });
  // Under the same color locks: no palette write on these colors runs beside the flips.
  if (crossing.length > 0) await settleCommonColors(graph, crossing);
  const deferredKeys = new Set(deferred.map((d) => refKey(d.ref)));
  return { applied: refs.filter((r) => !deferredKeys.has(refKey(r))), deferred, bookmarks };
}

/**
 * The colors the refs link to in the graph now, so the color step can rename them or drop orphans.
 * Graph rows read under the same locks already list them: only a projection of the same entity
 * adds links, and a brand's cascade removing its assets meanwhile leaves a harmless superset. A
 * deleted brand's assets' colors are not in its row, so then only the query will do.
 */
async function linkedHexes(tx: Transaction, state: EntityState, rows: GraphState | undefined): Promise<string[]> {
  if (!rows || state.brands.delete.length > 0) return readLinkedHexes(tx, state);
  return [...rows.brands, ...rows.assets].flatMap((row) => row.colors.map((c) => c.hex)).filter((hex) => hex !== null);
}

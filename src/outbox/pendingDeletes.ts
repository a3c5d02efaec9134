// Under the sync contract a graph node whose Postgres row is gone still has its delete in the
// outbox, unapplied: the delete commits with its outbox row, an event is marked applied only after
// its graph write, and backfills project under the same entity locks. So one small read beside the
// graph statement tells which nodes a graph answer names that Postgres has deleted, where reading
// every named row could only start after the graph answered.
//
// Beside means the graph may read first and the sync then apply a delete and mark it before the
// Postgres read sees it. So deletes applied within RECENTLY_APPLIED_MS count too, and a Postgres
// read that finished later than that after its request began (so after the graph reads it checks)
// cannot tell: the rows are read instead.
import type { Sql } from "../postgres/createPrisma.ts";
import type { EntityKind } from "./entityChange.ts";

/** More than this many deletes is a backlog: callers confirm rows in Postgres instead. */
export const PENDING_DELETES_LIMIT = 1000;

/** How long an applied delete still counts: a graph read that began before it may have missed it. */
export const RECENTLY_APPLIED_MS = 10_000;

/** Ids of one kind's deletes a graph answer may still show; null when that cannot be told. */
export type PendingDeletes = ReadonlySet<string> | null;

/**
 * The ids, as one text[], of at most PENDING_DELETES_LIMIT + 1 deletes of `entity` (a SQL
 * parameter) not applied or applied within RECENTLY_APPLIED_MS, through the partial index
 * sync_events_deletes (each half an index-only scan, where an OR is a bitmap heap scan). For a
 * statement of its own or a column beside another read.
 */
export const pendingDeleteIds = (entity: string) =>
  `ARRAY(SELECT entity_id FROM sync_events
          WHERE operation = 'delete' AND entity_type = ${entity} AND applied_at IS NULL
         UNION ALL
         SELECT entity_id FROM sync_events
          WHERE operation = 'delete' AND entity_type = ${entity}
            AND applied_at > statement_timestamp() - interval '${RECENTLY_APPLIED_MS} milliseconds'
         LIMIT ${PENDING_DELETES_LIMIT + 1})`;

/**
 * What ids read by pendingDeleteIds tell a request that began at `requestStarted` (performance.now()
 * before any of its graph reads): null for a backlog, or for a read finished too late to cover them.
 */
export function pendingDeletesOf(ids: readonly string[], requestStarted: number): PendingDeletes {
  if (ids.length > PENDING_DELETES_LIMIT) return null;
  if (performance.now() - requestStarted > RECENTLY_APPLIED_MS) return null;
  return new Set(ids);
}

export async function pendingDeletes(sql: Sql, entity: EntityKind, requestStarted: number): Promise<PendingDeletes> {
  const [row] = await sql.rows<{ ids: string[] }>(`SELECT ${pendingDeleteIds("$1")} AS ids`, [entity]);
  return pendingDeletesOf(row!.ids, requestStarted);
}

// Under the sync contract a graph node whose Postgres row is gone still has its delete in the
// outbox, unapplied: the delete commits with its outbox row, an event is marked applied only after
// its graph write, and backfills project under the same entity locks. So one small read beside the
// graph statement tells which nodes a graph answer names that Postgres has deleted, where reading
// every named row could only start after the graph answered.
import type { Sql } from "../postgres/createPrisma.ts";
import type { EntityKind } from "./entityChange.ts";

/** More than this many pending deletes is a backlog: callers confirm rows in Postgres instead. */
export const PENDING_DELETES_LIMIT = 1000;

/** Ids of one kind's deletes the graph has not applied; null for a backlog. */
export type PendingDeletes = ReadonlySet<string> | null;

/**
 * The ids, as one text[], of at most PENDING_DELETES_LIMIT + 1 pending deletes of `entity` (a SQL
 * parameter), through the partial index sync_events_pending_deletes. For a statement of its own or
 * a column beside another read.
 */
export const pendingDeleteIds = (entity: string) =>
  `ARRAY(SELECT entity_id FROM sync_events
          WHERE applied_at IS NULL AND operation = 'delete' AND entity_type = ${entity}
          LIMIT ${PENDING_DELETES_LIMIT + 1})`;

export const pendingDeletesOf = (ids: readonly string[]): PendingDeletes => (ids.length > PENDING_DELETES_LIMIT ? null : new Set(ids));

export async function pendingDeletes(sql: Sql, entity: EntityKind): Promise<PendingDeletes> {
  const [row] = await sql.rows<{ ids: string[] }>(`SELECT ${pendingDeleteIds("$1")} AS ids`, [entity]);
  return pendingDeletesOf(row!.ids);
}

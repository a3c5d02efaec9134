// Recording the outcome of a projection on its claimed outbox rows, in the claiming transaction.
import type { RawSql } from "../postgres/rawSql.ts";
import type { Sql } from "../postgres/createPrisma.ts";

/** Where markApplied announces applied events: every gateway process LISTENs (src/subscriptions/). */
export const APPLIED_CHANNEL = "mobius_graph_applied";

/** Held from numbering applied events to the commit, so commits happen in applied_seq order. */
const APPLIED_ORDER_LOCK = [7_173_732, 0] as const;

/** Which drainer wrote the graph, and the Neo4j bookmarks its write left (none for organization-only passes). */
export interface GraphWriter {
  readonly drainerId: string;
  readonly bookmarks: readonly string[];
}

/**
 * Called once Neo4j has committed. clock_timestamp(), not now(): now() is when the claiming
 * transaction began, before the projection ran, and would make applied_at − created_at (the
 * benchmark's and an operator's commit-to-graph lag) look shorter by the whole pass.
 *
 * The same statement numbers the events (applied_seq, in id order) under a lock held to the commit,
 * so no drainer's commit can make a higher number visible before a lower one, and NOTIFYs the pass's
 * highest number, which Postgres delivers to the listeners only if and when this transaction commits:
 * a subscriber is told of a change only once the graph has it. The payload stays one number; a
 * listener reads what it needs from the outbox (subscriptions/appliedEvents.ts).
 *
 * It also publishes the write's Neo4j bookmarks, on the events and as the drainer's latest in
 * drainer_bookmarks, in the same commit: whoever sees an event applied can also read the bookmark a
 * causal graph read needs (src/sync/causalBookmarks.ts). A pass that wrote no graph keeps the
 * drainer's previous row, which still covers everything it wrote.
 */
export async function markApplied(tx: RawSql, ids: readonly bigint[], writer: GraphWriter): Promise<void> {
  if (ids.length === 0) return;
  const inOrder = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  const bookmarks = writer.bookmarks.length > 0 ? [...writer.bookmarks] : null;
  await tx.$queryRaw`
    /* markEventsApplied */
    WITH locked AS MATERIALIZED (
      SELECT pg_advisory_xact_lock(${APPLIED_ORDER_LOCK[0]}::int4, ${APPLIED_ORDER_LOCK[1]}::int4)
    ), numbered AS MATERIALIZED (
      -- The join makes the lock come before the first number.
      SELECT id, nextval('sync_events_applied_seq') AS seq FROM locked, unnest(${inOrder}::bigint[]) WITH ORDINALITY AS u(id, n) ORDER BY n
    ), applied AS (
      UPDATE sync_events e SET applied_at = clock_timestamp(), applied_seq = numbered.seq, graph_bookmarks = ${bookmarks}::text[]
        FROM numbered WHERE e.id = numbered.id
      RETURNING numbered.seq
    ), published AS (
      INSERT INTO drainer_bookmarks (drainer_id, bookmarks, updated_at)
      SELECT ${writer.drainerId}::text, ${bookmarks}::text[], clock_timestamp() WHERE ${bookmarks}::text[] IS NOT NULL
      ON CONFLICT (drainer_id) DO UPDATE SET bookmarks = EXCLUDED.bookmarks, updated_at = EXCLUDED.updated_at
    )
    SELECT pg_notify(${APPLIED_CHANNEL}, max(seq)::text)::text FROM applied`;
}

export interface EventFailure {
  readonly id: bigint;
  readonly error: string;
  readonly retryInMs: number;
}

export async function markFailed(tx: RawSql, failures: readonly EventFailure[]): Promise<void> {
  if (failures.length === 0) return;
  await tx.$executeRaw`
    /* markEventsFailed */
    UPDATE sync_events e
       SET attempts = e.attempts + 1,
           last_error = f.error,
           next_attempt_at = now() + f.retry_ms * interval '1 millisecond'
      FROM unnest(${failures.map((f) => String(f.id))}::bigint[],
                  ${failures.map((f) => f.error.slice(0, 2000))}::text[],
                  ${failures.map((f) => Math.round(f.retryInMs))}::int[]) AS f(id, error, retry_ms)
     WHERE e.id = f.id`;
}

export async function countUnapplied(sql: Sql, ids: readonly bigint[]): Promise<number> {
  // By primary key, never through the pending index's dead entries: see due_sync_events' migration.
  const [row] = await sql.rows<{ n: string }>(`/* countUnappliedEvents */ SELECT count_unapplied_sync_events($1::bigint[]) AS n`, [ids.map(String)]);
  return Number(row!.n);
}

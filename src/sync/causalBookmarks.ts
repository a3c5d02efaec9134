// A causal graph read (`x-graph-sync: wait` on a request that reads the graph): whichever replica
// serves it and whichever cluster member answers it, it sees every change its organization committed
// before it. Two steps: wait until Postgres says those changes are applied (by any replica's
// drainer), then open the graph reads with the bookmarks the drainers published when they applied
// them (markApplied, drainer_bookmarks). A follower that has not caught up with those bookmarks
// waits for them before it answers; a single server always has.
//
// Every drainer's latest bookmarks, not only those of the events waited for: a change applied a
// moment before the request (a mutation that waited on another replica) is not pending any more,
// yet a follower may still lack it. One drainer's writes follow each other, so its latest bookmark
// covers all its earlier ones, and the rows together cover everything applied.
import type { GraphWait } from "../outbox/graphSync.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import { createPassSignal, waitUntilApplied } from "./waitUntilApplied.ts";

export interface CausalRead {
  /** Opens the request's graph reads. */
  readonly bookmarks: string[];
  /** How the wait for pending changes ended, reported like a mutation's (extensions.graphSync). */
  readonly wait: GraphWait;
}

/**
 * A drainer row older than this is left out: no healthy cluster member is an hour behind, and a
 * restarted process's old drainers would otherwise add a bookmark each for ever.
 */
const BOOKMARK_MAX_AGE = "1 hour";
/**
 * Deletes the drainer rows no read uses any more (older than BOOKMARK_MAX_AGE: processes restarted
 * or gone); the outbox retention job calls it. Resolves to how many.
 */
export async function pruneStaleBookmarks(sql: Sql): Promise<number> {
  const [row] = await sql.rows<{ n: string }>(
    `/* pruneStaleBookmarks */
     WITH gone AS (DELETE FROM drainer_bookmarks WHERE updated_at <= now() - interval '${BOOKMARK_MAX_AGE}' RETURNING 1)
     SELECT count(*) AS n FROM gone`,
    [],
  );
  return Number(row!.n);
}

/** A backlog beyond this many events outlasts any wait: the newest ones stand for it. */
const MAX_WAITED_EVENTS = 1_000;

/**
 * organizationId: the caller's scope (null with authentication off: every organization's changes;
 * the platform operator's matches none, and it reads no organization's graph). Only events due within
 * the timeout are waited for: one backing off longer (the graph was unreachable, a dead letter)
 * cannot be applied in time, and would cost every waiting read the whole timeout.
 */
export async function readCausalBookmarks(sql: Sql, organizationId: string | null, timeoutMs: number): Promise<CausalRead> {
  const started = performance.now();
  const [row] = await sql.rows<{ pending: string[]; bookmarks: string[] }>(
    `/* pendingEventsAndBookmarks */
     SELECT ARRAY(SELECT id::text FROM sync_events
                   WHERE applied_at IS NULL AND next_attempt_at <= now() + $2 * interval '1 millisecond'
                     AND ($1::text IS NULL OR organization_id = $1)
                   ORDER BY id DESC LIMIT ${MAX_WAITED_EVENTS}) AS pending,
            ${BOOKMARKS} AS bookmarks`,
    [organizationId, timeoutMs],
  );
  const pending = row!.pending.map(BigInt);
  if (pending.length === 0) return { bookmarks: row!.bookmarks, wait: { applied: true, waitedMs: 0, events: 0 } };
  // Polled: the drainer that applies them may be another process's, whose passes this one does not see end.
  const applied = await waitUntilApplied(sql, createPassSignal(), pending, timeoutMs);
  const [after] = await sql.rows<{ bookmarks: string[] }>(`/* drainerBookmarks */ SELECT ${BOOKMARKS} AS bookmarks`, []);
  const waitedMs = Math.round((performance.now() - started) * 10) / 10;
  return { bookmarks: after!.bookmarks, wait: { applied, waitedMs, events: pending.length } };
}

const BOOKMARKS = `ARRAY(SELECT DISTINCT unnest(bookmarks) FROM drainer_bookmarks WHERE updated_at > now() - interval '${BOOKMARK_MAX_AGE}')`;

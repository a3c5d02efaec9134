// Outbox retention: applied events are history once the graph has them, and the table would grow
// forever. They are deleted in small batches, each its own short statement, so no lock is held long
// and the drainer's claims (which read only unapplied rows) never wait on it. Unapplied events are
// never deleted, however old or often failed: they are changes the graph still lacks (the outbox's
// dead letters, kept until the sync applies them or someone acts on them).
import type { Sql } from "../postgres/createPrisma.ts";

export interface PruneOptions {
  /** Applied events older than this are deleted. */
  readonly retentionSeconds: number;
  /** Rows per DELETE statement. */
  readonly batchSize: number;
  /** Rest between two batches, so a large first prune does not crowd out the sync. */
  readonly pauseMs?: number;
  /** Stops between batches when aborted (shutdown). */
  readonly signal?: AbortSignal;
}

/** Deletes every applied event past the retention, batch by batch; resolves to how many. */
export async function pruneApplied(sql: Sql, options: PruneOptions): Promise<number> {
  let deleted = 0;
  for (;;) {
    if (options.signal?.aborted) return deleted;
    const n = await pruneBatch(sql, options);
    deleted += n;
    if (n < options.batchSize) return deleted;
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
}

/**
 * One batch through the (applied_at, next_attempt_at, id) index. SKIP LOCKED: two replicas pruning at
 * once share the work instead of queueing behind each other.
 */
async function pruneBatch(sql: Sql, { retentionSeconds, batchSize }: PruneOptions): Promise<number> {
  const [row] = await sql.rows<{ n: string }>(
    `/* pruneAppliedEvents */
     WITH doomed AS (
       SELECT id FROM sync_events
        WHERE applied_at IS NOT NULL AND applied_at < now() - $1 * interval '1 second'
        LIMIT $2
          FOR UPDATE SKIP LOCKED
     ), gone AS (
       DELETE FROM sync_events e USING doomed WHERE e.id = doomed.id RETURNING 1
     )
     SELECT count(*) AS n FROM gone`,
    [retentionSeconds, batchSize],
  );
  return Number(row!.n);
}

// Recording the outcome of a projection on its claimed outbox rows, in the claiming transaction.
import type { RawSql } from "../postgres/rawSql.ts";
import type { Sql } from "../postgres/createPrisma.ts";

/**
 * Called once Neo4j has committed. clock_timestamp(), not now(): now() is when the claiming
 * transaction began, before the projection ran, and would make applied_at − created_at (the
 * benchmark's and an operator's commit-to-graph lag) look shorter by the whole pass.
 */
export async function markApplied(tx: RawSql, ids: readonly bigint[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`
    /* markEventsApplied */
    UPDATE sync_events SET applied_at = clock_timestamp()
     WHERE id = ANY(${ids.map(String)}::bigint[])`;
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

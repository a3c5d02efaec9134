// Claiming outbox events so that several gateway processes can drain one outbox: rows are claimed
// with FOR UPDATE SKIP LOCKED, and each entity is claimed with a transaction-scoped advisory lock,
// so no two processes project the same entity at once. Claiming an entity also claims every older
// pending event of it (even one still backing off): the projection reads the entity's current
// state, which already contains those changes, so one entity's events are never applied out of
// order — they are applied together.
import type { EntityKind } from "./entityChange.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { ENTITY_LOCK_NAMESPACE } from "./lockEntities.ts";

export interface ClaimedEvent {
  readonly id: bigint;
  readonly entity: EntityKind;
  readonly entityId: string;
  readonly attempts: number;
  /** The recording request's span, when it was traced. */
  readonly traceparent: string | null;
}

export interface ClaimOptions {
  readonly limit: number;
  /** The after-commit path claims only the events its mutation just committed. */
  readonly onlyIds?: readonly bigint[];
}

interface EventRow {
  id: bigint;
  entity_type: string;
  entity_id: string;
  attempts: number;
  traceparent: string | null;
}

/**
 * Must run inside a transaction: the row and advisory locks last until it ends. One statement: the
 * due events (due_sync_events, see its migration), their entities' locks taken where free, then every
 * pending event of the entities locked. Its snapshot predates the locks, which is safe: a row another
 * drainer applied meanwhile is re-read by FOR UPDATE and dropped, and the projection reads the
 * entities' state in later statements, under the locks.
 */
export async function claimEvents(tx: RawSql, options: ClaimOptions): Promise<ClaimedEvent[]> {
  const rows = await tx.$queryRaw<EventRow[]>`
    /* claimPendingEvents */
    WITH due AS (
      SELECT entity_type, entity_id
        FROM due_sync_events(${options.limit}::int, ${options.onlyIds?.map(String) ?? null}::bigint[])
    ), locked AS (
      -- hashtext(refKey(ref)), the key lockEntities takes for backfill.
      SELECT entity_type, entity_id FROM (SELECT DISTINCT entity_type, entity_id FROM due) AS entities
       WHERE pg_try_advisory_xact_lock(${ENTITY_LOCK_NAMESPACE}::int4, hashtext(entity_type || ':' || entity_id))
    )
    SELECT e.id, e.entity_type, e.entity_id, e.attempts, e.traceparent
      FROM sync_events e JOIN locked USING (entity_type, entity_id)
     WHERE e.applied_at IS NULL
     ORDER BY e.id
       FOR UPDATE OF e SKIP LOCKED`;
  return rows.map((r) => ({ id: r.id, entity: r.entity_type as EntityKind, entityId: r.entity_id, attempts: r.attempts, traceparent: r.traceparent }));
}

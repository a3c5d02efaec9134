// Claiming outbox events so that several gateway processes can drain one outbox: rows are claimed
// with FOR UPDATE SKIP LOCKED, and each entity is claimed with a transaction-scoped advisory lock,
// so no two processes project the same entity at once. Claiming an entity also claims every older
// pending event of it (even one still backing off): the projection reads the entity's current
// state, which already contains those changes, so one entity's events are never applied out of
// order — they are applied together.
import type { EntityKind } from "./entityChange.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { tryLockEntities } from "./tryLockEntities.ts";

export interface ClaimedEvent {
  readonly id: bigint;
  readonly entity: EntityKind;
  readonly entityId: string;
  readonly attempts: number;
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
}

/** Must run inside a transaction: the row and advisory locks last until it ends. */
export async function claimEvents(tx: RawSql, options: ClaimOptions): Promise<ClaimedEvent[]> {
  const candidates = options.onlyIds
    ? await tx.$queryRaw<EventRow[]>`
        /* claimPendingEvents */
        SELECT id, entity_type, entity_id, attempts FROM sync_events
         WHERE applied_at IS NULL AND next_attempt_at <= now()
           AND id = ANY(${options.onlyIds.map(String)}::bigint[])
         ORDER BY id LIMIT ${options.limit}
           FOR UPDATE SKIP LOCKED`
    : await tx.$queryRaw<EventRow[]>`
        /* claimPendingEvents */
        SELECT id, entity_type, entity_id, attempts FROM sync_events
         WHERE applied_at IS NULL AND next_attempt_at <= now()
         ORDER BY id LIMIT ${options.limit}
           FOR UPDATE SKIP LOCKED`;
  if (candidates.length === 0) return [];

  const locked = await tryLockEntities(
    tx,
    candidates.map((c) => ({ entity: c.entity_type as EntityKind, id: c.entity_id })),
  );
  if (locked.length === 0) return [];

  const types = locked.map((l) => l.entity);
  const ids = locked.map((l) => l.id);
  const rows = await tx.$queryRaw<EventRow[]>`
    /* claimEntityEvents */
    SELECT id, entity_type, entity_id, attempts FROM sync_events
     WHERE applied_at IS NULL
       AND (entity_type, entity_id) IN (SELECT * FROM unnest(${types}::text[], ${ids}::text[]))
     ORDER BY id
       FOR UPDATE SKIP LOCKED`;
  return rows.map((r) => ({ id: r.id, entity: r.entity_type as EntityKind, entityId: r.entity_id, attempts: r.attempts }));
}

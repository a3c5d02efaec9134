// The per-entity lock every projection runs under: a transaction-scoped advisory lock keyed by
// hashtext(refKey(ref)), so the commit or rollback that ends the projection releases it. The drainer
// tries it while claiming (claimEvents.ts) and skips an entity another process holds; backfill and
// reconcile take it here before they read and project an entity, so a batch and a live projection of
// one entity never interleave and the later write always read later. This waits: a backfill must
// process every id. It cannot deadlock with the drainer, which never waits on an entity lock, and two
// waiters take their locks in one statement in key order.
import { refKey, type EntityRef } from "./entityRef.ts";
import type { TransactionClient } from "./readRecordedEvents.ts";

/** Advisory-lock namespace for entities (colors use another, see projector/readColorState.ts). */
export const ENTITY_LOCK_NAMESPACE = 7_173_730;

/** Transaction-scoped: must run inside the transaction that reads and projects the refs. */
export async function lockEntities(tx: TransactionClient, refs: readonly EntityRef[]): Promise<void> {
  if (refs.length === 0) return;
  await tx.$queryRaw`
    /* lockEntitiesWaiting */
    SELECT pg_advisory_xact_lock(${ENTITY_LOCK_NAMESPACE}::int4, k)::text
      FROM (SELECT DISTINCT hashtext(r) AS k FROM unnest(${refs.map(refKey)}::text[]) AS r ORDER BY k) AS keys`;
}

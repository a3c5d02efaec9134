// The per-entity lock every projection runs under: a transaction-scoped advisory lock keyed by
// "entity:id", so it is released by the commit or rollback that ends the projection. Non-blocking:
// an entity another process is projecting is skipped and comes back on a later pass. The drainer
// takes it through claimEvents; a backfill projecting pages of entities takes the same lock so it
// cannot interleave with a drainer on one entity.
import { refKey, type EntityRef } from "./projector/entityRef.ts";
import type { RawSql } from "../postgres/rawSql.ts";

/** Advisory-lock namespace for entities (colors use another, see projector/readColorState.ts). */
export const ENTITY_LOCK_NAMESPACE = 7_173_730;

/** Returns the refs now locked by this transaction. */
export async function tryLockEntities(tx: RawSql, refs: readonly EntityRef[]): Promise<EntityRef[]> {
  const byKey = new Map(refs.map((r) => [refKey(r), r]));
  if (byKey.size === 0) return [];
  const locked = await tx.$queryRaw<{ key: string }[]>`
    /* lockEntities */
    SELECT k AS key FROM unnest(${[...byKey.keys()]}::text[]) AS k
     WHERE pg_try_advisory_xact_lock(${ENTITY_LOCK_NAMESPACE}::int4, hashtext(k))`;
  return locked.map((l) => byKey.get(l.key)!);
}

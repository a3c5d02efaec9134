import { BACKGROUND_STATEMENT_TIMEOUT_MS } from "../postgres/createPrisma.ts";
import type { EntityRef } from "../outbox/entityRef.ts";
import { lockEntities } from "../outbox/lockEntities.ts";
import type { TransactionClient } from "../outbox/readRecordedEvents.ts";
import type { GraphEntityKind } from "./backfillOptions.ts";
import type { BatchDeps } from "./batchDeps.ts";

/**
 * Refs locked and projected in one Postgres transaction. Advisory locks live in Postgres' shared
 * lock table (max_locks_per_transaction × connections, 6,400 by default, shared with every other
 * session), so a 5,000-id batch is projected in several transactions rather than holding 5,000
 * entity locks plus its colors' at once. Not smaller: each chunk costs ~10 round trips to the two
 * databases, and at 500 refs those, not the writes, dominated (the backfill benchmark: 2.4× slower).
 */
export const LOCK_CHUNK = 2000;

/** Like the drainer's pass: long enough for a chunk on a slow graph, short enough to free locks. */
export const CHUNK_TRANSACTION = { timeout: 120_000, maxWait: 30_000 } as const;

export interface ChunkWork {
  /** Dry run: reads only, no transaction, no locks. */
  dry(refs: EntityRef[]): Promise<void>;
  /** Execute: inside a transaction already holding the refs' entity locks. */
  locked(tx: TransactionClient, refs: EntityRef[]): Promise<void>;
}

/** A batch's ids, LOCK_CHUNK at a time, each chunk under the drainer's entity locks in execute mode. */
export async function forEachChunk(deps: BatchDeps, kind: GraphEntityKind, ids: readonly string[], dryRun: boolean, work: ChunkWork) {
  for (let i = 0; i < ids.length; i += LOCK_CHUNK) {
    const refs: EntityRef[] = ids.slice(i, i + LOCK_CHUNK).map((id) => ({ entity: kind, id }));
    if (dryRun) {
      await work.dry(refs);
      continue;
    }
    await deps.prisma.$transaction(async (tx) => {
      // The backfill is not a request: its statements keep the background limit, not the pool's.
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${BACKGROUND_STATEMENT_TIMEOUT_MS}`);
      await lockEntities(tx, refs);
      await work.locked(tx, refs);
    }, CHUNK_TRANSACTION);
  }
}

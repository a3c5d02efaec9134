import type { GraphConnection } from "../http/deps.ts";
import type { PrismaClient } from "../postgres/createPrisma.ts";

/** What a backfill or reconcile batch reads and writes. */
export interface BatchDeps {
  readonly prisma: PrismaClient;
  readonly graph: GraphConnection;
}

/**
 * Refs locked and projected in one Postgres transaction. Advisory locks live in Postgres' shared
 * lock table (max_locks_per_transaction × connections, 6,400 by default, shared with every other
 * session), so a 5,000-id batch is projected in several transactions rather than holding 5,000
 * entity locks plus its colors' at once. Not smaller: each chunk costs ~10 round trips to the two
 * databases, and at 500 refs those, not the writes, dominated (bench/backfill.ts: 2.4× slower).
 */
export const LOCK_CHUNK = 2000;

/** Like the drainer's pass: long enough for a chunk on a slow graph, short enough to free locks. */
export const CHUNK_TRANSACTION = { timeout: 120_000, maxWait: 30_000 } as const;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

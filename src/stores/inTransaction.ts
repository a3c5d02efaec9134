// The one path every mutation takes: its writes and the outbox rows the capture triggers record
// for them commit together (so the graph can never miss a change), and only after the commit are
// the events handed to the sync.
//
// Writes are plain SQL on Prisma's pool, not Prisma's client: Prisma 6.19 compiles every statement
// in its query compiler on the event loop, which cost a write 6–7 ms of the thread that serves every
// request, against about 1 ms in plain SQL (docs/architecture.md). Reads stay with Prisma.
import type { AfterCommitOptions, GraphSync } from "../outbox/graphSync.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { readRecordedEvents, type TransactionClient } from "../outbox/readRecordedEvents.ts";
import { traceRecordedEvents } from "../outbox/traceRecordedEvents.ts";
import { concurrentDeletion, isWriteConflict } from "./concurrentChange.ts";

/** Where a write commits, and who is told of its outbox events after the commit. */
export interface WriteDeps {
  readonly sql: Sql;
  readonly sync: GraphSync;
}

/** A PrismaClient or an open Prisma transaction: what the stores' reads take. */
export type Db = TransactionClient;

// Postgres ends a transaction left idle this long (a write awaiting something else while it holds
// locks); a few statements never need that long.
const IDLE_TIMEOUT_MS = 15_000;

export async function inTransaction<T>(deps: WriteDeps, write: (tx: RawSql) => Promise<T>, afterCommit: AfterCommitOptions = {}): Promise<T> {
  return (await commitWrite(deps, write, afterCommit)).result;
}

/** A committed write: its result and the outbox events the triggers recorded for it, in order. */
export interface Committed<T> {
  readonly result: T;
  readonly eventIds: bigint[];
}

/**
 * inTransaction for a caller that follows its own events through the sync (the tests' writes
 * drain, replay or count exactly these), so it gets the event ids as well as the result.
 */
export async function commitWrite<T>(deps: WriteDeps, write: (tx: RawSql) => Promise<T>, afterCommit: AfterCommitOptions = {}): Promise<Committed<T>> {
  const committed = await withConflictRetries(() =>
    deps.sql.transaction(async (tx) => {
      const result = await write(tx);
      const eventIds = await readRecordedEvents(tx);
      await traceRecordedEvents(tx, eventIds);
      return { result, eventIds };
    }, { idleTimeoutMs: IDLE_TIMEOUT_MS, forRequest: true }),
  );
  await deps.sync.afterCommit(committed.eventIds, afterCommit);
  return committed;
}

const CONFLICT_ATTEMPTS = 3;

/** Runs the transaction again if Postgres chose it as a deadlock victim. */
async function withConflictRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (isWriteConflict(error) && attempt < CONFLICT_ATTEMPTS) continue;
      throw concurrentDeletion(error) ?? error;
    }
  }
}

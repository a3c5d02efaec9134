// The one path every mutation takes: its writes and the outbox rows the capture triggers record
// for them commit together (so the graph can never miss a change), and only after the commit are
// the events handed to the sync.
import type { AfterCommitOptions, GraphSync } from "../outbox/graphSync.ts";
import type { PrismaClient, Sql } from "../postgres/createPrisma.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { readRecordedEvents, type TransactionClient } from "../outbox/readRecordedEvents.ts";
import { traceRecordedEvents } from "../outbox/traceRecordedEvents.ts";
import { concurrentDeletion, isWriteConflict } from "./concurrentChange.ts";

/** Where a write commits, and who is told of its outbox events after the commit. */
export interface WriteDeps {
  readonly prisma: PrismaClient;
  readonly sync: GraphSync;
}

/** A PrismaClient or an open transaction: reads accept either, writes are only called with a transaction. */
export type Db = TransactionClient;

// Interactive transactions default to a 5 s budget; a few statements never need that, but a
// gateway sharing a small pool under load may wait for a connection longer than the 2 s default.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export async function inTransaction<T>(
  deps: WriteDeps,
  write: (tx: TransactionClient) => Promise<T>,
  afterCommit: AfterCommitOptions = {},
): Promise<T> {
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
export async function commitWrite<T>(
  deps: WriteDeps,
  write: (tx: TransactionClient) => Promise<T>,
  afterCommit: AfterCommitOptions = {},
): Promise<Committed<T>> {
  return handedOver(deps.sync, afterCommit, () => deps.prisma.$transaction((tx) => recorded(tx, write), TRANSACTION_OPTIONS));
}

/** Where a write in plain SQL commits: Prisma's pool, without Prisma. */
export interface SqlWriteDeps {
  readonly sql: Sql;
  readonly sync: GraphSync;
}

/**
 * inTransaction for a write in plain SQL on the same pool, where Prisma compiling each statement
 * would be most of the write's CPU on the event loop (an asset's update and image upload): the same
 * outbox events, conflict retries and hand-over to the sync.
 */
export async function inSqlTransaction<T>(deps: SqlWriteDeps, write: (tx: RawSql) => Promise<T>, afterCommit: AfterCommitOptions = {}): Promise<T> {
  return (await commitSqlWrite(deps, write, afterCommit)).result;
}

/** commitWrite for a write in plain SQL. */
export async function commitSqlWrite<T>(
  deps: SqlWriteDeps,
  write: (tx: RawSql) => Promise<T>,
  afterCommit: AfterCommitOptions = {},
): Promise<Committed<T>> {
  return handedOver(deps.sync, afterCommit, () =>
    deps.sql.transaction((tx) => recorded(tx, write), { idleTimeoutMs: TRANSACTION_OPTIONS.timeout, forRequest: true }),
  );
}

/** Runs the transaction (again, if Postgres chose it as a deadlock victim), then hands its events to the sync. */
async function handedOver<T>(sync: GraphSync, afterCommit: AfterCommitOptions, transaction: () => Promise<Committed<T>>): Promise<Committed<T>> {
  const committed = await withConflictRetries(transaction);
  await sync.afterCommit(committed.eventIds, afterCommit);
  return committed;
}

/** The write, then the outbox events the capture triggers recorded for it in this transaction. */
async function recorded<Tx extends RawSql, T>(tx: Tx, write: (tx: Tx) => Promise<T>): Promise<Committed<T>> {
  const result = await write(tx);
  const eventIds = await readRecordedEvents(tx);
  await traceRecordedEvents(tx, eventIds);
  return { result, eventIds };
}

const CONFLICT_ATTEMPTS = 3;

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

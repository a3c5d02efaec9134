// Reading and steering the outbox in tests. Every helper is restricted to the caller's own event
// ids: tests share one outbox, and touching another test's events would make both flaky.
import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "../../src/postgres/createPrisma.ts";
import type { Drainer } from "../../src/sync/drainer.ts";

export interface OutboxRow {
  id: bigint;
  entityType: string;
  entityId: string;
  attempts: number;
  lastError: string | null;
  appliedAt: Date | null;
}

export function outboxRows(prisma: PrismaClient, ids: readonly bigint[]): Promise<OutboxRow[]> {
  return prisma.syncEvent.findMany({
    where: { id: { in: [...ids] } },
    orderBy: { id: "asc" },
    select: { id: true, entityType: true, entityId: true, attempts: true, lastError: true, appliedAt: true },
  });
}

/** Polls until `check` holds; throws with the last value when it never does. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
    await sleep(50);
    value = await read();
  }
  return value;
}

/** Runs the drainer on these events only, until every one is applied (waiting out backoffs). */
export async function drainUntilApplied(drainer: Drainer, prisma: PrismaClient, ids: readonly bigint[]): Promise<void> {
  await eventually(
    async () => {
      await drainer.drainOnce(ids);
      return outboxRows(prisma, ids);
    },
    (rows) => rows.every((r) => r.appliedAt !== null),
  );
}

/** Replays events as if never applied, e.g. to prove a second projection changes nothing. */
export async function markUnapplied(prisma: PrismaClient, ids: readonly bigint[]): Promise<void> {
  await prisma.syncEvent.updateMany({ where: { id: { in: [...ids] } }, data: { appliedAt: null } });
}

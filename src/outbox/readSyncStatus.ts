// The outbox as an operator sees it; feeds the syncStatus query and the metrics gauges. Each count
// reads only unapplied rows through the (applied_at, next_attempt_at, id) index, so it stays cheap
// however many applied events the table keeps.
import type { PrismaClient } from "../postgres/createPrisma.ts";

export interface SyncStatus {
  readonly pendingEvents: number;
  readonly oldestPendingAgeSeconds: number | null;
  readonly failedEvents: number;
  readonly lastError: string | null;
  readonly lastAppliedAt: Date | null;
}

interface StatusRow {
  pending: bigint;
  failed: bigint;
  oldest_age_seconds: number | null;
  last_error: string | null;
  last_applied_at: Date | null;
}

export async function readSyncStatus(prisma: PrismaClient): Promise<SyncStatus> {
  const [row] = await prisma.$queryRaw<StatusRow[]>`
    /* readSyncStatus */
    SELECT count(*) AS pending,
           count(*) FILTER (WHERE attempts > 0) AS failed,
           extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds,
           (SELECT last_error FROM sync_events
             WHERE applied_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS last_error,
           (SELECT max(applied_at) FROM sync_events WHERE applied_at IS NOT NULL) AS last_applied_at
      FROM sync_events
     WHERE applied_at IS NULL`;
  return {
    pendingEvents: Number(row!.pending),
    failedEvents: Number(row!.failed),
    oldestPendingAgeSeconds: row!.oldest_age_seconds === null ? null : Math.max(0, row!.oldest_age_seconds),
    lastError: row!.last_error,
    lastAppliedAt: row!.last_applied_at,
  };
}

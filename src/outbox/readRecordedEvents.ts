// The capture triggers (prisma/migrations/*_capture_by_triggers) record the outbox events of every
// write in the writing transaction; a mutation reads back the ones its own transaction recorded,
// to hand them to the sync after commit (the drainer's wake-up, the read-your-writes wait).
import type { Prisma } from "../generated/prisma/client.ts";
import type { RawSql } from "../postgres/rawSql.ts";

export type TransactionClient = Prisma.TransactionClient;

/**
 * The events this transaction recorded, in order. The triggers keep the first one's id in a
 * transaction-local setting, so recorded_sync_event_ids (its migration says why a function) reads
 * forward from it by primary key and keeps the rows of this transaction (transaction_id), not
 * those other writers committed meanwhile.
 */
export async function readRecordedEvents(tx: RawSql): Promise<bigint[]> {
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    /* readRecordedEvents */
    SELECT id FROM recorded_sync_event_ids() AS id ORDER BY id`;
  return rows.map((r) => r.id);
}

// Called inside the mutation's Prisma transaction, so the change and its outbox rows commit or
// roll back together: nothing can reach Postgres without also being queued for Neo4j.
import type { Prisma } from "../generated/prisma/client.ts";
import type { EntityChange } from "./entityChange.ts";
import { currentTraceparent } from "../observability/tracing.ts";

export type TransactionClient = Prisma.TransactionClient;

/** Returns the outbox event ids, in order, for GraphSync.afterCommit. */
export async function recordChanges(tx: TransactionClient, changes: readonly EntityChange[]): Promise<bigint[]> {
  if (changes.length === 0) return [];
  // The request's span (null untraced): the drainer pass that applies these links back to it.
  const traceparent = currentTraceparent();
  const rows = await tx.syncEvent.createManyAndReturn({
    data: changes.map((c) => ({ entityType: c.entity, entityId: c.id, operation: c.operation, organizationId: c.organizationId, traceparent })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

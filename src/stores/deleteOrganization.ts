// Deleting an organization of any size: one transaction per batch of brands (each brand with its
// assets, feedback and templates, and their outbox events), then one for the organization and
// whatever brands are left. Every transaction stays small, so none meets the transaction timeout
// however large the organization is.
//
// Meanwhile a reader sees the organization with fewer brands, a batch at a time; every state it can
// see is one a series of deleteBrand calls would leave (a brand goes whole, counters stay true). If
// the process stops halfway, the organization is still there with the brands not yet deleted, and
// deleting it again finishes the job.
import type { AfterCommitOptions } from "../outbox/graphSync.ts";
import { inTransaction, type WriteDeps } from "./inTransaction.ts";
import { organizationStore } from "./organizationStore.ts";
import type { OrganizationScope } from "./scope.ts";

/** Brands per transaction: a few thousand rows and outbox events, well under a second. */
export const BRANDS_PER_DELETE_BATCH = 1_000;

export async function deleteOrganization(
  deps: WriteDeps,
  id: string,
  scope: OrganizationScope,
  afterCommit: AfterCommitOptions = {},
  batchSize = BRANDS_PER_DELETE_BATCH,
): Promise<boolean> {
  // Only the last transaction waits for the graph when asked: the batches' events are on their way.
  const batch = { ...afterCommit, waitForGraph: false };
  let removed: number;
  do removed = await inTransaction(deps, (tx) => organizationStore.removeBrands(tx, id, batchSize, scope), batch);
  while (removed === batchSize);
  return inTransaction(deps, (tx) => organizationStore.remove(tx, id, scope), afterCommit);
}

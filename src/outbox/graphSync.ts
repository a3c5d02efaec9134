// The after-commit half of the sync: a mutation resolver hands over the outbox event ids it just
// committed (see createGraphSync.ts for the implementation).
export interface AfterCommitOptions {
  /**
   * Read-your-writes: resolve only once the graph has applied these events, or at the configured
   * timeout. Unset: the GRAPH_SYNC_WAIT default. Never rejects either way: Postgres is the truth.
   */
  readonly waitForGraph?: boolean;
  /** Told how a wait ended (only when the mutation waited for events of its own). */
  readonly onWaited?: (wait: GraphWait) => void;
}

/** How one mutation's read-your-writes wait ended; reported in the response's extensions.graphSync. */
export interface GraphWait {
  /** Every event applied to the graph before the timeout (false: the graph will catch up later). */
  readonly applied: boolean;
  readonly waitedMs: number;
  readonly events: number;
}

export interface GraphSync {
  afterCommit(eventIds: readonly bigint[], options?: AfterCommitOptions): Promise<void>;
}

/** The kill switch (or no graph configured): events only accumulate in the outbox. */
export const queueOnlySync: GraphSync = {
  async afterCommit(eventIds, { waitForGraph, onWaited } = {}) {
    if (waitForGraph && eventIds.length > 0) onWaited?.({ applied: false, waitedMs: 0, events: eventIds.length });
  },
};

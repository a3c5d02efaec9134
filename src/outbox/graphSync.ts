// The after-commit half of the sync: a mutation resolver hands over the outbox event ids it just
// committed (see createGraphSync.ts for the implementation).
export interface AfterCommitOptions {
  /**
   * Read-your-writes: resolve only once the graph has applied these events, or at the configured
   * timeout. Unset: the GRAPH_SYNC_WAIT default. Never rejects either way: Postgres is the truth.
   */
  readonly waitForGraph?: boolean;
}

export interface GraphSync {
  afterCommit(eventIds: readonly bigint[], options?: AfterCommitOptions): Promise<void>;
}

/** The kill switch (or no graph configured): events only accumulate in the outbox. */
export const queueOnlySync: GraphSync = {
  async afterCommit() {},
};

// The after-commit half of the sync: a mutation resolver hands over the outbox event ids it just
// committed. Projection into Neo4j is built by the sync issue; until then events only accumulate.
export interface AfterCommitOptions {
  /** Read-your-writes: resolve only once the graph has applied these events (or time out). */
  readonly waitForGraph?: boolean;
}

export interface GraphSync {
  afterCommit(eventIds: readonly bigint[], options?: AfterCommitOptions): Promise<void>;
}

export const queueOnlySync: GraphSync = {
  async afterCommit() {},
};

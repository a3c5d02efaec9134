// Neo4j's transient errors (a deadlock between two transactions locking the same relationships in
// another order, say), and a change another commit slipped under a write, succeed when tried again
// at once; anything else is the caller's to handle.
import { Neo4jError } from "neo4j-driver";

export const isTransientGraphError = (error: unknown): boolean =>
  (error instanceof Neo4jError && error.code.startsWith("Neo.TransientError.")) || error instanceof ChangedUnderWrite;

/**
 * A transaction found that another one, committed meanwhile, changed what it had read: Neo4j reads
 * committed and reports nothing (a write to a relationship deleted while the write waited for its
 * lock silently does nothing). Trying the transaction again reads the change.
 */
export class ChangedUnderWrite extends Error {
  override readonly name = "ChangedUnderWrite";
}

/** Runs `attempt` up to `attempts` times while it fails with a transient error. */
export async function retryTransient<T>(attempts: number, attempt: () => Promise<T>): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransientGraphError(error) || tried >= attempts) throw error;
    }
  }
}

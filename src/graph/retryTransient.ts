// Neo4j's transient errors (a deadlock between two transactions locking the same relationships in
// another order, say), and a write whose target vanished under it, succeed when tried again at
// once; anything else is the caller's to handle.
import { Neo4jError } from "neo4j-driver";

export const isTransientGraphError = (error: unknown): boolean =>
  (error instanceof Neo4jError && error.code.startsWith("Neo.TransientError.")) || error instanceof VanishedUnderWrite;

/**
 * A write found what it had matched deleted by a transaction that committed while it waited for the
 * lock (Neo4j reads committed, and such a write silently does nothing): trying the transaction again
 * reads the deletion.
 */
export class VanishedUnderWrite extends Error {
  override readonly name = "VanishedUnderWrite";
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

// An explicit write transaction rather than the driver's executeWrite, which retries an unreachable
// server for maxTransactionRetryTime: the projector must fail fast while the drainer holds its
// Postgres transaction, and a dry run must be able to roll back what it wrote.
import type { Session, Transaction } from "neo4j-driver";
import type { GraphConnection } from "./graphConnection.ts";

/** `work` commits or rolls back; a transaction it leaves open (it threw) is rolled back. */
export async function inExplicitTransaction<T>(graph: GraphConnection, work: (tx: Transaction, session: Session) => Promise<T>): Promise<T> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: "WRITE" });
  try {
    const tx = await session.beginTransaction();
    try {
      return await work(tx, session);
    } finally {
      if (tx.isOpen()) await tx.rollback().catch(() => {});
    }
  } finally {
    await session.close();
  }
}

// What the benchmark does to its own graph beside the project's code: empty it between data sets
// and count what a backfill wrote.
import type { GraphConnection } from "../../src/graph/graphConnection.ts";

export interface GraphCounts {
  readonly nodes: number;
  readonly relationships: number;
}

/**
 * Relationships first, then nodes, each in streamed transactions of 20,000 rows: a DETACH DELETE of a
 * few thousand nodes can hit Neo4j's transaction memory limit when they include Color nodes with
 * thousands of relationships each. CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run).
 */
export async function wipeGraph(graph: GraphConnection): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS");
    await session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS");
  } finally {
    await session.close();
  }
}

export async function countGraph(graph: GraphConnection): Promise<GraphCounts> {
  const { records } = await graph.driver.executeQuery(
    "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships",
    {},
    { database: graph.database },
  );
  return { nodes: Number(records[0]!.get("nodes")), relationships: Number(records[0]!.get("relationships")) };
}

export const sameCounts = (a: GraphCounts, b: GraphCounts) => a.nodes === b.nodes && a.relationships === b.relationships;

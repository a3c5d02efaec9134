// Neo4j plans a statement the first time it sees it, and on a cold JVM that takes seconds: run every
// projection statement once with empty batches (which write nothing) so the first real mutation
// after a start is projected at warm speed.
import type { Logger } from "pino";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { projectionCypher } from "./projectionCypher.ts";

/** Parameters for every projection statement under which it writes nothing. */
export const EMPTY_BATCHES = { ids: [], rows: [], hexes: [], brandIds: [], deletedBrandIds: [], assetIds: [], feedbackIds: [], join: 0, leave: 0 };

export async function warmProjectionCypher(graph: GraphConnection): Promise<void> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: "WRITE" });
  try {
    await session.executeWrite(async (tx) => {
      for (const statement of Object.values(projectionCypher)) await tx.run(statement, EMPTY_BATCHES);
    });
  } finally {
    await session.close();
  }
}

/** At a drainer's start, in the background: a graph that is down now is the drainer's business, not start-up's. */
export function warmProjectionCypherInBackground(graph: GraphConnection, logger: Logger): void {
  warmProjectionCypher(graph).catch((error: Error) => logger.debug({ err: error }, "projection warm-up skipped"));
}

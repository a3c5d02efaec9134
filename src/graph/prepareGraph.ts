// A gateway's first contact with its graph: connectivity and the uniqueness constraints. A graph
// that does not answer is one log line, not a failed start: the driver reconnects by itself, and
// graph fields answer GRAPH_UNAVAILABLE meanwhile.
import type { Logger } from "pino";
import { ensureGraphSchema } from "./ensureGraphSchema.ts";
import type { GraphConnection } from "./graphConnection.ts";

export async function prepareGraph(graph: GraphConnection, uri: string, logger: Logger): Promise<void> {
  try {
    await graph.driver.verifyConnectivity({ database: graph.database });
    await ensureGraphSchema(graph.driver, graph.database);
    logger.info({ neo4j: redactUri(uri), database: graph.database }, "graph connected");
  } catch (error) {
    logger.warn(`graph unavailable: cannot reach Neo4j at ${redactUri(uri)} (${(error as Error).message.split("\n")[0]})`);
  }
}

const redactUri = (uri: string) => uri.replace(/\/\/[^@/]*@/, "//***@");

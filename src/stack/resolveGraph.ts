// Where the graph comes from: NEO4J_URI as configured (Aura, any Neo4j 5), else the local Neo4j
// Community this project runs. A graph that cannot be had leaves the gateway serving Postgres
// with graph features off; the reason is one line in the log, never a crash.
import type { Logger } from "pino";
import type { Neo4jSettings } from "../config/config.ts";
import { createDriver } from "../graph/createDriver.ts";
import { ensureGraphSchema } from "../graph/ensureGraphSchema.ts";
import type { GraphConnection } from "../http/deps.ts";
import { defaultLocalNeo4j, LocalNeo4jUnavailable, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from "./localNeo4j.ts";

export interface ResolvedGraph {
  readonly graph: GraphConnection | null;
  /** Where `graph` connects, for the drainer's thread to connect too. */
  readonly uri: string | null;
  /** Closes the driver and stops a local Neo4j this process started. */
  stop(): Promise<void>;
}

export async function resolveGraph(
  settings: Neo4jSettings,
  logger: Logger,
  local: LocalNeo4jOptions = defaultLocalNeo4j,
): Promise<ResolvedGraph> {
  let uri = settings.uri;
  let startedLocal = false;
  if (!uri) {
    try {
      const started = await startLocalNeo4j(local);
      uri = started.uri;
      startedLocal = started.startedHere;
    } catch (error) {
      if (!(error instanceof LocalNeo4jUnavailable)) throw error;
      logger.warn(`graph features off: ${error.message.split("\n")[0]} (set NEO4J_URI to use a Neo4j server)`);
      return { graph: null, uri: null, stop: async () => {} };
    }
  }
  const driver = createDriver(uri, settings);
  const graph = { driver, database: settings.database };
  try {
    await driver.verifyConnectivity({ database: settings.database });
    await ensureGraphSchema(driver, settings.database);
    logger.info({ neo4j: redactUri(uri), database: settings.database }, "graph connected");
  } catch (error) {
    // Keep the driver: it reconnects by itself, and graph fields answer GRAPH_UNAVAILABLE meanwhile.
    logger.warn(`graph unavailable: cannot reach Neo4j at ${redactUri(uri)} (${(error as Error).message.split("\n")[0]})`);
  }
  return {
    graph,
    uri,
    async stop() {
      await driver.close();
      if (startedLocal) await stopLocalNeo4j(local);
    },
  };
}

const redactUri = (uri: string) => uri.replace(/\/\/[^@/]*@/, "//***@");

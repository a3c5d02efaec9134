// Where the graph comes from: NEO4J_URI as configured (Aura, any Neo4j 5), else the local Neo4j
// Community this project runs. A graph that cannot be had leaves the gateway serving Postgres
// with graph features off; the reason is one line in the log, never a crash.
import type { Logger } from "pino";
import type { Neo4jSettings } from "../config/config.ts";
import { defaultLocalNeo4j, LocalNeo4jUnavailable, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from "./localNeo4j.ts";

export interface ResolvedGraph {
  /** Where the graph answers; null when there is none to be had. */
  readonly uri: string | null;
  /** Stops a local Neo4j this process started. */
  stop(): Promise<void>;
}

export async function resolveGraph(
  settings: Neo4jSettings,
  logger: Logger,
  local: LocalNeo4jOptions = defaultLocalNeo4j,
): Promise<ResolvedGraph> {
  if (settings.uri) return { uri: settings.uri, stop: async () => {} };
  try {
    const started = await startLocalNeo4j(local);
    return { uri: started.uri, stop: async () => void (started.startedHere && (await stopLocalNeo4j(local))) };
  } catch (error) {
    if (!(error instanceof LocalNeo4jUnavailable)) throw error;
    logger.warn(`graph features off: ${error.message.split("\n")[0]} (set NEO4J_URI to use a Neo4j server)`);
    return { uri: null, stop: async () => {} };
  }
}

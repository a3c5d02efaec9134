import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jSettings } from "../config/config.ts";

export type { Driver };

export function createDriver(uri: string, settings: Neo4jSettings): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(settings.user, settings.password), {
    // Fail fast when the graph is down: a graph field should report GRAPH_UNAVAILABLE, not hang.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 5_000,
    disableLosslessIntegers: true,
    userAgent: "mobius-graph-gateway",
  });
}

import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import type { Driver } from "../graph/createDriver.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { PrismaClient } from "../postgres/createPrisma.ts";
import type { GraphSync } from "../sync/graphSync.ts";

/** A graph the gateway may use; null everywhere the graph is disabled (no Neo4j configured). */
export interface GraphConnection {
  readonly driver: Driver;
  readonly database: string;
}

/** What the server is built from; tests build the same server from their own. */
export interface GatewayDeps {
  readonly config: Config;
  readonly prisma: PrismaClient;
  readonly graph: GraphConnection | null;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Mutations hand their committed outbox events to this. */
  readonly sync: GraphSync;
}

import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import type { Driver } from "../graph/createDriver.ts";
import type { PrismaClient, Sql } from "../postgres/createPrisma.ts";
import type { GraphSync } from "../sync/graphSync.ts";
import type { Registry } from "../observability/metricsRegistry.ts";
import type { TokenVerifier } from "../auth/tokenVerifier.ts";

/** A graph the gateway may use; null everywhere the graph is disabled (no Neo4j configured). */
export interface GraphConnection {
  readonly driver: Driver;
  readonly database: string;
  /** Told the name and duration of every graph read (the metrics histogram); optional in tests. */
  readonly onQuery?: (name: string, seconds: number) => void;
}

/** What the server is built from; tests build the same server from their own. */
export interface GatewayDeps {
  readonly config: Config;
  readonly prisma: PrismaClient;
  /** Plain SQL on Prisma's pool, for the hot reads (createPrisma.ts). */
  readonly sql: Sql;
  readonly graph: GraphConnection | null;
  readonly logger: Logger;
  /** Mutations hand their committed outbox events to this. */
  readonly sync: GraphSync;
  /** This gateway's Prometheus registry, scraped at GET /metrics. */
  readonly metrics: Registry;
  /** Verifies bearer tokens; null only where authentication is deliberately off (tests). */
  readonly verifyToken: TokenVerifier | null;
  /**
   * Development only (no key configured): a token for the demo organization, handed to the
   * playground and explorer at /dev/token so they work without setup. Null everywhere else.
   */
  readonly devToken: (() => Promise<string | null>) | null;
}

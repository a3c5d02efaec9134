// The one place a gateway's dependencies are assembled: the process (main.ts), the tests and the
// benchmark all call this, so they run the same pools, driver, metrics and sync.
import type { Logger } from "pino";
import { registerBackfillGauges } from "../backfill/backfillGauges.ts";
import type { Config } from "../config/config.ts";
import { registerGraphCapacityGauges } from "../health/graphCapacityGauges.ts";
import { createDriver } from "../graph/createDriver.ts";
import { createLogger } from "../observability/createLogger.ts";
import { createMetricsRegistry, timeGraphQueries } from "../observability/metricsRegistry.ts";
import { timeStatements } from "../observability/timeStatements.ts";
import { readSyncStatus } from "../outbox/readSyncStatus.ts";
import { createPostgres, type PrismaClient } from "../postgres/createPrisma.ts";
import type { OnQuery } from "../postgres/rawSql.ts";
import { createGraphSync, type RunningGraphSync } from "../sync/createGraphSync.ts";
import { createSyncMetrics } from "../sync/syncMetrics.ts";
import { createChangeFeed } from "../subscriptions/changeFeed.ts";
import { registerSubscriptionGauges } from "../subscriptions/subscriptionGauges.ts";
import type { GatewayDeps } from "./gatewayDeps.ts";

export interface DepsOptions {
  readonly config: Config;
  /** Default: a logger at the configured level. */
  readonly logger?: Logger;
  readonly databaseUrl: string;
  /** The pool's size; default 10. Embedded PGlite serves one connection. */
  readonly maxConnections?: number;
  /** Also told of every SQL statement, besides the metrics (tests and the benchmark count statements). */
  readonly onQuery?: OnQuery;
  /** Where the graph is; null runs without one (graph fields answer GRAPH_UNAVAILABLE). */
  readonly neo4jUri: string | null;
  /**
   * How the drainer runs: `poll` starts its loop at once (else call `sync.drainer.start()`, or let it
   * project only what mutations hand it); `thread` runs it in a worker thread of its own.
   */
  readonly sync?: { readonly poll?: boolean; readonly thread?: boolean };
  /**
   * Subscriptions' feed of applied changes (a LISTEN connection of its own); default on. Off for
   * embedded PGlite, which serves one connection.
   */
  readonly subscriptions?: boolean;
  /** Authentication; off (every caller unrestricted) when absent. */
  readonly auth?: (prisma: PrismaClient) => Pick<GatewayDeps, "verifyToken" | "devToken">;
}

/** Deps that own what they opened. */
export interface OwnedDeps extends GatewayDeps {
  readonly sync: RunningGraphSync;
  /** Stops the drainer, then closes the pool and the driver. */
  close(): Promise<void>;
}

export function createDeps(options: DepsOptions): OwnedDeps {
  const { config, databaseUrl, neo4jUri } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetricsRegistry();
  const timeStatement = timeStatements(metrics);
  const onQuery: OnQuery = options.onQuery
    ? (sql, durationMs) => {
        timeStatement(sql, durationMs);
        options.onQuery!(sql, durationMs);
      }
    : timeStatement;
  const { prisma, sql } = createPostgres(databaseUrl, { maxConnections: options.maxConnections ?? 10, onQuery });
  const driver = neo4jUri === null ? null : createDriver(neo4jUri, config.neo4j);
  const graph = driver && { driver, database: config.neo4j.database, onQuery: timeGraphQueries(metrics) };
  const syncMetrics = createSyncMetrics(metrics, () => readSyncStatus(prisma));
  const thread = options.sync?.thread && neo4jUri ? { databaseUrl, neo4jUri, onQuery } : undefined;
  const sync = createGraphSync({ config, sql, graph, logger, metrics: syncMetrics }, { poll: options.sync?.poll ?? false, thread });
  const auth = options.auth?.(prisma) ?? { verifyToken: null, devToken: null };
  const changes = options.subscriptions === false ? null : createChangeFeed({ sql, logger, databaseUrl });
  // Each feature's series beside the sync's: read at scrape time, so any replica shows them.
  registerGraphCapacityGauges({ config, graph, metrics });
  registerBackfillGauges(metrics, prisma);
  if (changes) registerSubscriptionGauges(metrics, changes);
  return {
    config,
    prisma,
    sql,
    graph,
    logger,
    sync,
    changes,
    metrics,
    ...auth,
    async close() {
      await changes?.stop();
      await sync.stop();
      await prisma.$disconnect();
      await driver?.close();
    },
  };
}

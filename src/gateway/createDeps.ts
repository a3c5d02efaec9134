// The one place a gateway's dependencies are assembled: the process (main.ts), the tests and the
// benchmark all call this, so they run the same pools, driver, metrics and sync.
import type { Logger } from "pino";
import { createImageUploadSigner } from "../auth/imageUploadSigner.ts";
import { registerBackfillGauges } from "../backfill/backfillGauges.ts";
import type { Config } from "../config/config.ts";
import { registerGraphCapacityGauges } from "../health/graphCapacityGauges.ts";
import { createDriver } from "../graph/createDriver.ts";
import { createLogger } from "../observability/createLogger.ts";
import { createMetricsRegistry, timeGraphQueries } from "../observability/metricsRegistry.ts";
import { timeStatements } from "../observability/timeStatements.ts";
import { registerOutboxGauges } from "../outbox/outboxGauges.ts";
import { startOutboxRetention } from "../outbox/outboxRetention.ts";
import { readSyncStatus } from "../outbox/readSyncStatus.ts";
import { createColorExtractor } from "../pixels/createColorExtractor.ts";
import { createPostgres, type PrismaClient } from "../postgres/createPrisma.ts";
import type { OnQuery } from "../postgres/rawSql.ts";
import { registerPatternMetrics } from "../patterns/patternMetrics.ts";
import { createPatternRefresher, type PatternRefresher } from "../patterns/patternRefresher.ts";
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
  readonly sync?: { readonly poll?: boolean; readonly thread?: boolean; readonly held?: boolean };
  /** Prune applied outbox events in the background (the gateway process; tests share one outbox). */
  readonly retention?: boolean;
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
  readonly patterns: PatternRefresher | null;
  /** Stops the drainer and the pattern refresher, then closes the pool and the driver. */
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
  const { prisma, sql } = createPostgres(databaseUrl, {
    maxConnections: options.maxConnections ?? 10,
    onQuery,
    statementTimeoutMs: config.requestLimits.postgresStatementMs,
    // Every write of this process goes through inTransaction, which wakes its drainer with the events
    // it recorded: a NOTIFY would only serialize its commits and cost each drainer a needless pass.
    notifyDrainers: !(config.graphSyncEnabled && neo4jUri !== null),
    onConnectionLost: (error) => logger.warn({ err: error }, "a Postgres connection was lost; the pool replaces it"),
  });
  const driver = neo4jUri === null ? null : createDriver(neo4jUri, config.neo4j);
  const graph = driver && { driver, database: config.neo4j.database, onQuery: timeGraphQueries(metrics), readTimeoutMs: config.requestLimits.graphReadMs, commonColorOwners: config.commonColorOwners };
  const syncMetrics = createSyncMetrics(metrics, () => readSyncStatus(prisma));
  const thread = options.sync?.thread && neo4jUri ? { databaseUrl, neo4jUri, onQuery } : undefined;
  // Embedded PGlite serves one connection: no LISTEN there (as for subscriptions), the poll finds writes.
  const listenUrl = options.subscriptions === false ? undefined : databaseUrl;
  const sync = createGraphSync(
    { config, sql, graph, logger, metrics: syncMetrics },
    { poll: options.sync?.poll ?? false, thread, held: options.sync?.held, listenUrl },
  );
  const auth = options.auth?.(prisma) ?? { verifyToken: null, devToken: null };
  const changes = options.subscriptions === false ? null : createChangeFeed({ sql, logger, databaseUrl, onQuery });
  // Each feature's series beside the sync's: read at scrape time, so any replica shows them.
  registerGraphCapacityGauges({ config, graph, metrics });
  registerBackfillGauges(metrics, prisma);
  // Its processes start on the first upload, so a gateway that never sees an image never starts them.
  const colorExtractor = createColorExtractor(config.colorExtraction);
  // Built, not started: main.ts starts it (tests and the benchmark call refresh() themselves).
  let patterns: PatternRefresher | null = null;
  const onRefreshed = registerPatternMetrics(metrics, sql, () => patterns, config.patterns);
  patterns = graph && createPatternRefresher({ sql, graph, settings: config.patterns, logger, onRefreshed });
  const pruned = registerOutboxGauges(metrics, sql);
  const retention = options.retention ? startOutboxRetention({ sql, logger, pruned }, config.outboxRetention) : null;
  if (changes) registerSubscriptionGauges(metrics, changes);
  return {
    config,
    prisma,
    sql,
    graph,
    logger,
    sync,
    patterns,
    changes,
    metrics,
    ...auth,
    colorExtractor,
    uploadSigner: createImageUploadSigner(config.imageUpload.signingSecret),
    async close() {
      await colorExtractor.close();
      await patterns?.stop();
      await retention?.stop();
      await changes?.stop();
      await sync.stop();
      await prisma.$disconnect();
      await driver?.close();
    },
  };
}

// The gateway process: configuration, the two databases (configured or local), the server, and a
// clean shutdown that closes everything it opened and stops every local server it started.
import { ConfigError, loadConfig } from "./config/config.ts";
import { seedDemoIfEmpty } from "./demo/seedDemo.ts";
import { createServer } from "./http/createServer.ts";
import { startupAuth } from "./auth/startupAuth.ts";
import { createLogger } from "./observability/createLogger.ts";
import { createMetricsRegistry, timeGraphQueries } from "./observability/metricsRegistry.ts";
import { timeStatements } from "./observability/timeStatements.ts";
import { createPostgres } from "./postgres/createPrisma.ts";
import { MigrationFailed, migrateDatabase } from "./postgres/migrate.ts";
import { migrationState } from "./postgres/migrationState.ts";
import { resolvePostgres } from "./stack/localPostgres.ts";
import { resolveGraph } from "./stack/resolveGraph.ts";
import { createSyncMetrics } from "./observability/syncMetrics.ts";
import { createGraphSync } from "./sync/createGraphSync.ts";
import { readSyncStatus } from "./sync/readSyncStatus.ts";

class PostgresUnreachable extends Error {}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const stops: Array<() => Promise<void>> = [];
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    for (const stop of stops.reverse()) {
      await stop().catch((err) => logger.error({ err }, "shutdown step failed"));
    }
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const postgres = await resolvePostgres(config.databaseUrl);
  stops.push(() => postgres.stop());
  const metrics = createMetricsRegistry();
  const statementTimer = timeStatements(metrics);
  const { prisma, sql } = createPostgres(postgres.url, {
    maxConnections: postgres.kind === "embedded-pglite" ? 1 : 10,
    onQuery: statementTimer,
  });
  stops.push(() => prisma.$disconnect());
  await prisma.$queryRaw`SELECT 1`.catch((error: Error) => {
    throw new PostgresUnreachable(`Cannot reach Postgres (DATABASE_URL): ${error.message.split("\n")[0]}`);
  });
  if ((await migrationState(prisma)) !== "ready") await migrateDatabase(postgres.url);
  logger.info({ postgres: postgres.kind }, "postgres ready");

  const resolved = await resolveGraph(config.neo4j, logger);
  stops.push(() => resolved.stop());
  const graph = resolved.graph && { ...resolved.graph, onQuery: timeGraphQueries(metrics) };

  const syncMetrics = createSyncMetrics(metrics, () => readSyncStatus(prisma));
  // PGlite serves one connection, which the thread would need a second of.
  const thread = resolved.uri && postgres.kind !== "embedded-pglite" ? { databaseUrl: postgres.url, neo4jUri: resolved.uri, onQuery: statementTimer } : undefined;
  const sync = createGraphSync({ config, sql, graph, logger, metrics: syncMetrics }, { thread });
  stops.push(() => sync.stop());

  // An empty database gets the demo set, so the playground has something to show on first start.
  const seeded = await seedDemoIfEmpty({ prisma, sync });
  if (seeded) logger.info(seeded, "database was empty: seeded the demo data set");

  const gateway = await createServer({ config, prisma, sql, graph, logger, sync, metrics,
    ...startupAuth(config, logger, prisma),
  });
  stops.push(() => gateway.close());
  const url = await gateway.listen(config.port);
  logger.info(`gateway serving ${url}/graphql`);
}

main().catch((error: unknown) => {
  // One clear line for what an operator can fix; a stack only for what they cannot.
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof MigrationFailed) console.error(error.message);
  else if (error instanceof PostgresUnreachable) console.error(error.message);
  else console.error(error);
  process.exit(1);
});

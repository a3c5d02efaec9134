// The gateway process: configuration, the two databases (configured or local), the server, and a
// clean shutdown that closes everything it opened and stops every local server it started.
import { startupAuth } from "./auth/startupAuth.ts";
import { ConfigError, loadConfig } from "./config/config.ts";
import { seedDemoIfEmpty } from "./demo/seedDemo.ts";
import { createDeps } from "./gateway/createDeps.ts";
import { prepareGraph } from "./graph/prepareGraph.ts";
import { createServer } from "./http/createServer.ts";
import { createLogger } from "./observability/createLogger.ts";
import { MigrationFailed } from "./postgres/migrate.ts";
import { PostgresUnreachable, preparePostgres } from "./postgres/preparePostgres.ts";
import { resolvePostgres } from "./stack/localPostgres.ts";
import { resolveGraph } from "./stack/resolveGraph.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Request handlers cannot leak a rejection (src/http/requestBoundary.ts catches all they throw);
  // one left unhandled elsewhere (a library's stray promise) is logged, not allowed to stop the
  // process and every request in flight with it.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason, event: "unhandled_rejection" }, "unhandled promise rejection"));
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
  await preparePostgres(postgres.url);
  logger.info({ postgres: postgres.kind }, "postgres ready");

  const graphServer = await resolveGraph(config.neo4j, logger);
  stops.push(() => graphServer.stop());
  // PGlite serves one connection, which the drainer's thread would need a second of.
  const embedded = postgres.kind === "embedded-pglite";
  const deps = createDeps({
    config,
    logger,
    databaseUrl: postgres.url,
    maxConnections: embedded ? 1 : 10,
    neo4jUri: graphServer.uri,
    sync: { thread: !embedded },
    auth: (prisma) => startupAuth(config, logger, prisma),
  });
  stops.push(() => deps.close());
  if (deps.graph && graphServer.uri) await prepareGraph(deps.graph, graphServer.uri, logger);
  deps.sync.drainer?.start();

  // An empty database gets the demo set, so the playground has something to show on first start.
  const seeded = await seedDemoIfEmpty(deps);
  if (seeded) logger.info(seeded, "database was empty: seeded the demo data set");

  const gateway = await createServer(deps);
  stops.push(() => gateway.close());
  const url = await gateway.listen(config.port);
  logger.info(`gateway serving ${url}/graphql`);
}

main().catch((error: unknown) => {
  // One clear line for what an operator can fix; a stack only for what they cannot.
  if (error instanceof ConfigError || error instanceof MigrationFailed || error instanceof PostgresUnreachable) console.error(error.message);
  else console.error(error);
  process.exit(1);
});

// The gateway process: configuration, the two databases (configured or local), the server, and a
// clean shutdown that closes everything it opened and stops every local server it started.
import { startupAuth } from "./auth/startupAuth.ts";
import { ConfigError, loadConfig } from "./config/config.ts";
import { seedDemoIntoGraph } from "./demo/seedDemoIntoGraph.ts";
import { createDeps } from "./gateway/createDeps.ts";
import { prepareGraph } from "./graph/prepareGraph.ts";
import { createServer } from "./http/createServer.ts";
import { createLogger } from "./observability/createLogger.ts";
import { startTracing } from "./observability/startTracing.ts";
import { MigrationFailed } from "./postgres/migrate.ts";
import { PostgresUnreachable, preparePostgres } from "./postgres/preparePostgres.ts";
import { resolvePostgres } from "./stack/localPostgres.ts";
import { resolveGraph } from "./stack/resolveGraph.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Undone in reverse on shutdown: the listener drains first, then the drainer finishes its pass and
  // the pools and driver close, then whatever local server this process started stops.
  // Request handlers cannot leak a rejection (src/http/requestBoundary.ts catches all they throw);
  // one left unhandled elsewhere (a library's stray promise) is logged, not allowed to stop the
  // process and every request in flight with it.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason, event: "unhandled_rejection" }, "unhandled promise rejection"));
  const stops: Array<() => Promise<void>> = [];
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) {
      // An operator who asks twice means it: no more waiting on requests or the drainer.
      logger.warn({ signal }, "second signal: exiting at once");
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, "shutting down");
    for (const stop of stops.reverse()) {
      await stop().catch((err) => logger.error({ err }, "shutdown step failed"));
    }
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  // First in, last out: the spans of the shutdown itself are still exported.
  if (config.tracing) {
    const tracing = await startTracing(config.tracing);
    stops.push(() => tracing.shutdown());
    logger.info({ exporter: config.tracing.exporter, url: config.tracing.tracesUrl, serviceName: config.tracing.serviceName }, "tracing on");
  }

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
    // Held until the graph is prepared, which may be long after start (prepareGraph.ts).
    sync: { thread: !embedded, held: true },
    retention: true,
    subscriptions: !embedded,
    auth: (prisma) => startupAuth(config, logger, prisma),
  });
  stops.push(() => deps.close());
  deps.sync.drainer?.start();
  const graphWait = new AbortController();
  stops.push(async () => graphWait.abort());
  // The first try is awaited, so a graph that answers is ready before the first request; one that
  // does not is tried again in the background, and the drainer runs from the moment it answers.
  let graphPrepared = false;
  if (deps.graph && graphServer.uri) {
    const graph = prepareGraph(deps.graph, graphServer.uri, logger, graphWait.signal);
    graphPrepared = await graph.first;
    if (graphPrepared) deps.sync.release();
    else void graph.ready.then((prepared) => prepared && deps.sync.release());
  }

  // An empty database gets the demo set, in the graph before the gateway says it serves (bounded),
  // so the pages have something to show on first start; a production database starts empty and
  // stays the operator's.
  const seeded = config.production ? null : await seedDemoIntoGraph(deps, logger, { drainer: deps.sync.drainer, graphPrepared });
  // After the seeding, so the demo's patterns are there at once rather than one interval later.
  if (config.graphSyncEnabled) deps.patterns?.start();

  const gateway = await createServer({ ...deps, graphCatchUp: seeded?.catchUp ?? null });
  stops.push(async () => {
    const report = await gateway.drain(config.shutdownGraceMs, (closedAt) => logger.info({ closedAt }, "listener closed"));
    if (report.cut > 0) logger.warn({ ...report, graceMs: config.shutdownGraceMs }, "grace period over: requests cut");
    else logger.info(report, "requests drained");
  });
  const url = await gateway.listen(config.port, config.host);
  logger.info(`gateway serving ${url}/graphql`);
}

main().catch((error: unknown) => {
  // One clear line for what an operator can fix; a stack only for what they cannot.
  if (error instanceof ConfigError || error instanceof MigrationFailed || error instanceof PostgresUnreachable) console.error(error.message);
  else console.error(error);
  process.exit(1);
});

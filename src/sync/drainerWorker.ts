// The drainer thread's side (see drainerThread.ts): the same drainer the in-process sync runs, on a
// pool and driver of its own, reporting its metrics and statements to the main thread by message.
import pg from "pg";
import { parentPort, workerData } from "node:worker_threads";
import type { Counter } from "prom-client";
import { createDriver } from "../graph/createDriver.ts";
import { createLogger } from "../observability/createLogger.ts";
import type { SyncMetrics } from "./syncMetrics.ts";
import { createSql } from "../postgres/createPrisma.ts";
import { createDrainer } from "./drainer.ts";
import type { DrainerThreadData, FromDrainerThread, PassEnded, ToDrainerThread } from "./drainerThread.ts";
import { warmProjectionCypherInBackground } from "../projector/warmProjectionCypher.ts";
import { startTracing } from "../observability/startTracing.ts";
import { lowerThreadPriority } from "../stack/cpuPriority.ts";

const { databaseUrl, neo4jUri, neo4j, settings, logLevel, tracing: tracingSettings, wantsStatements } = workerData as DrainerThreadData;
// Before the first pass, so every pass is traced; the main thread's messages wait in the port meanwhile.
const tracing = tracingSettings ? await startTracing(tracingSettings) : null;
const port = parentPort!;
// GRAPH_SYNC_NICE: behind the request handlers, a pass on busy cores waits for them and carries the
// events committed meanwhile, and the graph lags further (docs/sync.md); an idle core runs it at once.
if (settings.nice > 0) await lowerThreadPriority(settings.nice);
const send = (message: FromDrainerThread) => port.postMessage(message);

const logger = createLogger(logLevel).child({ thread: "graph-sync" });
// One pass at a time, one connection each.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
// An idle connection Postgres dropped: the pool replaces it; unhandled, it would end the thread.
pool.on("error", (error) => logger.warn({ err: error }, "graph sync connection lost"));
// What the main thread records (metrics, statement timings) goes over once per pass, with its end:
// a message per statement or per entity would wake the main thread a few hundred times a second.
let statements: [sql: string, durationMs: number][] = [];
let counts: PassEnded["counts"] = [];
const sql = createSql(pool, wantsStatements ? (text, durationMs) => statements.push([text, durationMs]) : undefined);
const driver = createDriver(neo4jUri, neo4j);
const graph = { driver, database: neo4j.database };

const counter = (metric: PassEnded["counts"][number]["metric"]) =>
  ({ inc: ((labels: { entity: string }, value?: number) => void counts.push({ metric, entity: labels.entity, value: value ?? 1 })) as Counter<"entity">["inc"] });
const metrics: SyncMetrics = {
  graphProjectedEvents: counter("graphProjectedEvents"),
  graphProjectionFailures: counter("graphProjectionFailures"),
  graphProjectionSeconds: {
    startTimer() {
      const started = performance.now();
      return () => {
        const seconds = (performance.now() - started) / 1000;
        send({ type: "passEnded", seconds, counts, statements });
        counts = [];
        statements = [];
        return seconds;
      };
    },
  },
};

const drainer = createDrainer({ sql, graph, logger, metrics, settings, listenUrl: databaseUrl });
warmProjectionCypherInBackground(graph, logger);

port.on("message", async (message: ToDrainerThread) => {
  switch (message.type) {
    case "wake":
      return drainer.wake(message.eventIds);
    case "start":
      return drainer.start();
    case "drainOnce":
      try {
        send({ type: "drained", request: message.request, result: await drainer.drainOnce(message.onlyIds), error: null });
      } catch (error) {
        send({ type: "drained", request: message.request, result: null, error: (error as Error).message });
      }
      return;
    case "stop":
      await drainer.stop();
      await Promise.allSettled([pool.end(), driver.close(), tracing?.shutdown()]);
      // Nothing left on its event loop: the thread exits, which is what stop() waits for.
      port.close();
      return;
  }
});

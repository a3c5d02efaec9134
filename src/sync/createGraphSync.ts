// Wires the sync for one gateway process: the after-commit projection mutations call, and the
// drainer that retries. With GRAPH_SYNC_ENABLED=false or no graph there is no drainer at all:
// events accumulate in the outbox and the first process started with the switch on catches up.
// The drainer runs in a thread of its own when told where to connect (drainerThread.ts), else on
// the caller's event loop (embedded PGlite, which takes one connection, and tests that drive it).
import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { SyncMetricSeries } from "./syncMetrics.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { OnQuery } from "../postgres/rawSql.ts";
import { createDrainer, type Drainer } from "./drainer.ts";
import { startDrainerThread, type DrainerThreadTarget } from "./drainerThread.ts";
import { queueOnlySync, type GraphSync } from "../outbox/graphSync.ts";
import { warmProjectionCypherInBackground } from "../projector/warmProjectionCypher.ts";

export interface SyncDeps {
  readonly config: Config;
  readonly sql: Sql;
  readonly graph: GraphConnection | null;
  readonly logger: Logger;
  readonly metrics: SyncMetricSeries;
}

export interface RunningGraphSync extends GraphSync {
  /** Null when the kill switch is off or no graph is configured. */
  readonly drainer: Drainer | null;
  /** Lets a held drainer run: the graph is prepared (prepareGraph.ts). */
  release(): void;
  stop(): Promise<void>;
}

export interface GraphSyncOptions {
  /** Poll for due events (retries, other processes' events); default true. */
  readonly poll?: boolean;
  /**
   * Hold the drainer until release(): its start() and wakes wait (the events stay in the outbox and
   * the poll finds them), so nothing is projected before the graph's constraints exist.
   */
  readonly held?: boolean;
  /** Run the drainer in its own thread, connecting here. */
  readonly thread?: DrainerThreadTarget & { readonly onQuery?: OnQuery };
  /** In-process drainer: LISTEN here for writes by other clients (drainPass.ts's listenUrl). */
  readonly listenUrl?: string;
}

export function createGraphSync(deps: SyncDeps, options: GraphSyncOptions = {}): RunningGraphSync {
  const { config, sql, graph, logger, metrics } = deps;
  if (!config.graphSyncEnabled || !graph) {
    logger.info({ reason: graph ? "GRAPH_SYNC_ENABLED=false" : "no graph" }, "graph sync off; events accumulate");
    return { ...queueOnlySync, drainer: null, release() {}, async stop() {} };
  }
  const settings = config.graphSync;
  let running: Drainer;
  if (options.thread) {
    const { onQuery, ...target } = options.thread;
    running = startDrainerThread(target, { neo4j: config.neo4j, settings, logLevel: config.logLevel, sql, logger, metrics, onQuery, tracing: config.tracing });
  } else {
    running = createDrainer({ sql, graph, logger, metrics, settings, listenUrl: options.listenUrl });
    warmProjectionCypherInBackground(graph, logger);
  }
  const { drainer, release } = options.held ? holdDrainer(running) : { drainer: running, release() {} };
  if (options.poll ?? true) drainer.start();
  return {
    drainer,
    release,
    async afterCommit(eventIds, { waitForGraph = settings.waitForGraph, onWaited } = {}) {
      if (eventIds.length === 0) return;
      drainer.wake(eventIds);
      if (!waitForGraph) return;
      const started = performance.now();
      // On timeout (or if Postgres cannot even be asked) the mutation still succeeds: its change is
      // committed and will reach the graph; the warning tells an operator read-your-writes was missed.
      const applied = await drainer.waitUntilApplied(eventIds, settings.waitTimeoutMs).catch((error: Error) => {
        logger.warn({ err: error }, "graph sync wait failed");
        return false;
      });
      onWaited?.({ applied, waitedMs: Math.round((performance.now() - started) * 10) / 10, events: eventIds.length });
      if (!applied) {
        logger.warn({ eventIds: eventIds.map(String), timeoutMs: settings.waitTimeoutMs }, "graph_sync_wait_timeout");
      }
    },
    stop: () => drainer.stop(),
  };
}

/** A drainer whose start() and wakes wait for release(); what a wake asked for the poll finds. */
function holdDrainer(running: Drainer): { drainer: Drainer; release(): void } {
  let held = true;
  let startAsked = false;
  return {
    drainer: {
      wake: (eventIds) => void (held || running.wake(eventIds)),
      drainOnce: (onlyIds) => running.drainOnce(onlyIds),
      waitUntilApplied: (eventIds, timeoutMs) => running.waitUntilApplied(eventIds, timeoutMs),
      start: () => (held ? void (startAsked = true) : running.start()),
      stop: () => running.stop(),
    },
    release() {
      if (!held) return;
      held = false;
      if (startAsked) running.start();
    },
  };
}

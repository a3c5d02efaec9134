// The drainer in a worker thread of its own, as the gateway process runs it (main.ts). Under load
// the request handlers keep the main event loop busy, and a pass there waited behind them at each of
// its dozen awaits: the commit-to-graph lag grew with the request rate. In its thread a pass has its
// own event loop, pool and driver (drainerWorker.ts). The main thread keeps the metrics registry,
// which the worker reports to by message, and the read-your-writes waits, which a pass ending in
// the worker cues to look again.
//
// Should the thread die, it is started again after the events' retry delay; events handed over
// meanwhile are not lost, only left to the new thread's poll, which finds every due event.
import type { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import type { GraphSyncSettings, LogLevel, Neo4jSettings, TracingSettings } from "../config/config.ts";
import type { SyncMetricSeries } from "./syncMetrics.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { OnQuery } from "../postgres/rawSql.ts";
import { startTypescriptWorker, workerEntry } from "../stack/typescriptWorker.ts";
import type { Drainer, PassResult } from "./drainer.ts";
import { retryDelay } from "./retryDelay.ts";
import { createPassSignal, waitUntilApplied } from "./waitUntilApplied.ts";

/** Where the thread connects: its own pool and driver on the gateway's databases. */
export interface DrainerThreadTarget {
  readonly databaseUrl: string;
  readonly neo4jUri: string;
}

export interface DrainerThreadDeps {
  readonly neo4j: Neo4jSettings;
  readonly settings: GraphSyncSettings;
  readonly logLevel: LogLevel;
  /** The main thread's pool, for read-your-writes waits. */
  readonly sql: Sql;
  readonly logger: Logger;
  readonly metrics: SyncMetricSeries;
  /** Told of the thread's statements too, so the statement metrics cover them. */
  readonly onQuery?: OnQuery;
  /** The thread traces its passes with an SDK of its own (spans do not cross threads). */
  readonly tracing: TracingSettings | null;
}

export type DrainerThreadData = DrainerThreadTarget &
  Pick<DrainerThreadDeps, "neo4j" | "settings" | "logLevel" | "tracing"> & { readonly wantsStatements: boolean };

export type ToDrainerThread =
  | { readonly type: "wake"; readonly eventIds: readonly bigint[] }
  | { readonly type: "start" }
  | { readonly type: "drainOnce"; readonly request: number; readonly onlyIds?: readonly bigint[] }
  | { readonly type: "stop" };

/** A pass's end, with what it counted and the statements it ran. */
export interface PassEnded {
  readonly type: "passEnded";
  readonly seconds: number;
  readonly counts: { readonly metric: "graphProjectedEvents" | "graphProjectionFailures"; readonly entity: string; readonly value: number }[];
  readonly statements: [sql: string, durationMs: number][];
}

export type FromDrainerThread =
  | PassEnded
  | { readonly type: "drained"; readonly request: number; readonly result: PassResult | null; readonly error: string | null };

const ENTRY = workerEntry("drainerWorker", import.meta.url);

export interface DrainerThread extends Drainer {
  /** The thread running now: a new one after a restart. */
  readonly worker: Worker;
}

export function startDrainerThread(target: DrainerThreadTarget, deps: DrainerThreadDeps): DrainerThread {
  const { sql, logger, metrics, settings } = deps;
  const data: DrainerThreadData = {
    ...target,
    neo4j: deps.neo4j,
    settings,
    logLevel: deps.logLevel,
    tracing: deps.tracing,
    wantsStatements: deps.onQuery !== undefined,
  };
  const passes = createPassSignal();
  const drains = new Map<number, { resolve: (result: PassResult) => void; reject: (error: Error) => void }>();
  let nextRequest = 0;
  let polling = false;
  let stopping = false;
  let restarts = 0;
  let stopped: Promise<void> | null = null;
  // Every message wakes the thread, and on this kind of machine (two vCPUs) a wake-up across threads
  // costs the sender dearly: one per mutation cut the throughput by a fifth (docs/sync.md).
  const handOverEveryMs = Math.max(1, settings.coalesceMs / 2);
  const handedOver: bigint[] = [];
  let handOverTimer: NodeJS.Timeout | null = null;
  let lastHandOverAt = 0;
  let alive = false;
  let worker = spawn();

  function spawn() {
    const thread = startTypescriptWorker(ENTRY, { workerData: data });
    alive = true;
    thread.on("message", (message: FromDrainerThread) => {
      switch (message.type) {
        case "passEnded":
          restarts = 0;
          for (const { metric, entity, value } of message.counts) metrics[metric].inc({ entity }, value);
          for (const [sql, durationMs] of message.statements) deps.onQuery?.(sql, durationMs);
          metrics.graphProjectionSeconds.observe(message.seconds);
          return passes.notify();
        case "drained": {
          const waiting = drains.get(message.request);
          drains.delete(message.request);
          if (message.result) waiting?.resolve(message.result);
          else waiting?.reject(new Error(message.error ?? "drain failed"));
          return;
        }
      }
    });
    thread.on("error", (error) => logger.error({ err: error }, "graph_sync_thread_failed"));
    thread.on("exit", (code) => {
      alive = false;
      for (const { reject } of drains.values()) reject(new Error(`the drainer thread exited (${code})`));
      drains.clear();
      if (stopping) return;
      restarts += 1;
      const delayMs = retryDelay(restarts, settings);
      logger.error({ code, restartInMs: Math.round(delayMs) }, "graph_sync_thread_exited");
      setTimeout(() => {
        if (stopping) return;
        worker = spawn();
        if (polling) post({ type: "start" });
      }, delayMs).unref();
    });
    return thread;
  }

  /** Ids go over at most once per half coalescing window: a lone mutation's at once, a burst's together. */
  function handOver(): void {
    handOverTimer = null;
    lastHandOverAt = Date.now();
    post({ type: "wake", eventIds: handedOver.splice(0) });
  }

  /** A message to a thread that died is dropped: the next thread's poll finds what it was about. */
  function post(message: ToDrainerThread): void {
    if (alive) worker.postMessage(message);
  }

  return {
    get worker() {
      return worker;
    },
    wake(eventIds) {
      if (stopping) return;
      handedOver.push(...eventIds);
      if (handOverTimer) return;
      const wait = lastHandOverAt + handOverEveryMs - Date.now();
      if (wait <= 0) handOver();
      else handOverTimer = setTimeout(handOver, wait);
    },
    drainOnce(onlyIds) {
      const request = nextRequest++;
      return new Promise<PassResult>((resolve, reject) => {
        if (!alive) return reject(new Error("the drainer thread is restarting"));
        drains.set(request, { resolve, reject });
        post({ type: "drainOnce", request, onlyIds });
      });
    },
    waitUntilApplied: (eventIds, timeoutMs) => waitUntilApplied(sql, passes, eventIds, timeoutMs),
    start() {
      polling = true;
      post({ type: "start" });
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        stopping = true;
        if (handOverTimer) clearTimeout(handOverTimer);
        if (!alive) return resolve();
        worker.once("exit", () => resolve());
        post({ type: "stop" });
      });
      return stopped;
    },
  };
}

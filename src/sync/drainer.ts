// Moves outbox events into Neo4j. One drainer per gateway process; any number of processes may
// drain the same outbox (see claimEvents.ts for how they stay out of each other's way).
//
// Passes are single-flight per process: a wake during a pass only asks for another pass, so a burst
// of mutations becomes a few batched projections instead of one transaction each. After a failed
// pass the drainer pauses (the same capped, jittered backoff as the events) so a Neo4j outage costs
// one failing pass per backoff step, not one per mutation; events written meanwhile just wait.
import { setTimeout as sleep } from "node:timers/promises";
import { isRetryableError } from "neo4j-driver";
import type { Logger } from "pino";
import type { GraphSyncSettings } from "../config/config.ts";
import type { GraphConnection } from "../http/deps.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { PrismaClient } from "../postgres/createPrisma.ts";
import { claimEvents, type ClaimedEvent } from "./claimEvents.ts";
import { refKey, type EntityRef } from "./projector/entityRef.ts";
import { projectEntities } from "./projector/projectEntities.ts";
import type { TransactionClient } from "./recordChanges.ts";
import { retryDelay } from "./retryDelay.ts";
import { countUnapplied, markApplied, markFailed, type EventFailure } from "./settleEvents.ts";

export interface DrainerDeps {
  readonly prisma: PrismaClient;
  readonly graph: GraphConnection;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly settings: GraphSyncSettings;
}

export interface PassResult {
  readonly claimed: number;
  readonly applied: number;
  readonly failed: number;
  /** Neo4j could not be reached: the drainer pauses instead of hammering it. */
  readonly graphUnavailable: boolean;
}

export interface Drainer {
  /** Projects these just-committed events now, in the background. */
  wake(eventIds: readonly bigint[]): void;
  /** One pass over due events (or only `onlyIds`), ignoring any pause; for tests and tools. */
  drainOnce(onlyIds?: readonly bigint[]): Promise<PassResult>;
  /** Resolves true once every event is applied (by any process), false at the timeout. */
  waitUntilApplied(eventIds: readonly bigint[], timeoutMs: number): Promise<boolean>;
  /** Starts polling for due events: retries, and events other processes did not project. */
  start(): void;
  /** Stops polling and waits for the pass in flight; a pass is one transaction, never half done. */
  stop(): Promise<void>;
}

interface EntityGroup {
  readonly ref: EntityRef;
  readonly events: ClaimedEvent[];
}

const PASS_TIMEOUT_MS = 60_000;
/** A waiter rechecks when this process finishes a pass; this only catches other processes' passes. */
const WAIT_POLL_MS = 100;
/** Ids handed over beyond this many (a long outage) are left to the poll, which finds them anyway. */
const MAX_PRIORITY_IDS = 10_000;

export function createDrainer(deps: DrainerDeps): Drainer {
  const { prisma, graph, logger, metrics, settings } = deps;
  const priority = new Set<bigint>();
  let dueRequested = false;
  let rerun = false;
  let inFlight: Promise<void> | null = null;
  let pausedUntil = 0;
  let consecutiveFailures = 0;
  let polling = false;
  let stopped = false;
  let resumeTimer: NodeJS.Timeout | null = null;
  let pollLoop: Promise<void> | null = null;
  let cancelPollSleep: AbortController | null = null;
  const passWaiters = new Set<() => void>();

  function kick(): void {
    if (stopped) return;
    if (Date.now() < pausedUntil) return resumeAfterPause();
    if (inFlight) {
      rerun = true;
      return;
    }
    inFlight = (async () => {
      try {
        do {
          rerun = false;
          if (Date.now() < pausedUntil) break;
          await drainRequested();
        } while (rerun);
      } finally {
        inFlight = null;
        for (const notify of passWaiters) notify();
      }
    })();
  }

  async function drainRequested(): Promise<void> {
    while (priority.size > 0) {
      const ids = [...priority].slice(0, settings.batchSize);
      for (const id of ids) priority.delete(id);
      if (!(await guardedPass(ids))) return;
    }
    if (!dueRequested) return;
    dueRequested = false;
    // Keep going while passes come back full: a backlog drains at batch speed, not poll speed.
    for (;;) {
      const result = await guardedPass(undefined);
      if (!result || result.claimed < settings.batchSize) return;
    }
  }

  /** A pass that never throws; on failure it pauses the drainer and returns null. */
  async function guardedPass(onlyIds: readonly bigint[] | undefined): Promise<PassResult | null> {
    try {
      const result = await pass(onlyIds);
      if (result.graphUnavailable) return pause(), null;
      consecutiveFailures = 0;
      return result;
    } catch (error) {
      logger.error({ err: error }, "graph_sync_pass_failed");
      pause();
      return null;
    }
  }

  function pause(): void {
    consecutiveFailures += 1;
    pausedUntil = Date.now() + retryDelay(consecutiveFailures, settings);
    resumeAfterPause();
  }

  /** Events handed over during a pause are retried when it ends, polling or not. */
  function resumeAfterPause(): void {
    if (resumeTimer || priority.size === 0 || stopped) return;
    resumeTimer = setTimeout(() => {
      resumeTimer = null;
      kick();
    }, Math.max(0, pausedUntil - Date.now()));
  }

  async function pass(onlyIds: readonly bigint[] | undefined): Promise<PassResult> {
    const stopTimer = metrics.graphProjectionSeconds.startTimer();
    try {
      return await prisma.$transaction(
        async (tx) => {
          const events = await claimEvents(tx, { limit: settings.batchSize, onlyIds });
          if (events.length === 0) return { claimed: 0, applied: 0, failed: 0, graphUnavailable: false };
          const groups = groupByEntity(events);
          const { applied, failed, graphUnavailable } = await projectGroups(tx, groups);
          await markApplied(tx, applied.flatMap((g) => g.events.map((e) => e.id)));
          await markFailed(tx, failed.flatMap(({ group, error }) => failuresOf(group, error)));
          report(applied, failed);
          return { claimed: events.length, applied: applied.length, failed: failed.length, graphUnavailable };
        },
        { timeout: PASS_TIMEOUT_MS, maxWait: 10_000 },
      );
    } finally {
      stopTimer();
    }
  }

  async function projectGroups(tx: TransactionClient, groups: EntityGroup[]) {
    const graphGroups = groups.filter((g) => g.ref.entity !== "organization");
    // Organizations have no node: their events only need to be marked applied.
    const applied = groups.filter((g) => g.ref.entity === "organization");
    const failed: Array<{ group: EntityGroup; error: string }> = [];
    let graphUnavailable = false;
    if (graphGroups.length === 0) return { applied, failed, graphUnavailable };
    const settle = (batch: EntityGroup[], result: Awaited<ReturnType<typeof projectEntities>>) => {
      const reasons = new Map(result.deferred.map((d) => [refKey(d.ref), d.reason]));
      for (const group of batch) {
        const reason = reasons.get(refKey(group.ref));
        if (reason === undefined) applied.push(group);
        else failed.push({ group, error: reason });
      }
    };
    try {
      settle(graphGroups, await projectEntities(tx, graph, graphGroups.map((g) => g.ref)));
    } catch (error) {
      // Neo4j unreachable: every entity fails alike. Anything else may be one bad entity, so
      // project them one by one rather than let it hold back the rest of the batch.
      graphUnavailable = isRetryableError(error);
      if (graphUnavailable || graphGroups.length === 1) {
        for (const group of graphGroups) failed.push({ group, error: messageOf(error) });
      } else {
        for (const group of graphGroups) {
          try {
            settle([group], await projectEntities(tx, graph, [group.ref]));
          } catch (single) {
            failed.push({ group, error: messageOf(single) });
          }
        }
      }
    }
    return { applied, failed, graphUnavailable };
  }

  function failuresOf(group: EntityGroup, error: string): EventFailure[] {
    const attempt = Math.max(...group.events.map((e) => e.attempts)) + 1;
    return group.events.map((e) => ({ id: e.id, error, retryInMs: retryDelay(attempt, settings) }));
  }

  function report(applied: EntityGroup[], failed: Array<{ group: EntityGroup; error: string }>): void {
    for (const { ref, events } of applied) {
      metrics.graphProjectedEvents.inc({ entity: ref.entity }, events.length);
      logger.info(
        { entity: ref.entity, id: ref.id, eventIds: events.map(String), attempts: maxAttempts(events) },
        "graph_projection_applied",
      );
    }
    for (const { group, error } of failed) {
      metrics.graphProjectionFailures.inc({ entity: group.ref.entity }, group.events.length);
      logger.warn(
        { entity: group.ref.entity, id: group.ref.id, eventIds: group.events.map(String), attempts: maxAttempts(group.events) + 1, error },
        "graph_projection_failed",
      );
    }
  }

  async function poll(): Promise<void> {
    while (polling) {
      dueRequested = true;
      kick();
      const wait = Math.max(settings.pollIntervalMs, pausedUntil - Date.now());
      cancelPollSleep = new AbortController();
      await sleep(wait, undefined, { signal: cancelPollSleep.signal }).catch(() => {});
    }
  }

  return {
    wake(eventIds) {
      for (const id of eventIds) if (priority.size < MAX_PRIORITY_IDS) priority.add(id);
      kick();
    },
    async drainOnce(onlyIds) {
      return pass(onlyIds);
    },
    async waitUntilApplied(eventIds, timeoutMs) {
      if (eventIds.length === 0) return true;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if ((await countUnapplied(prisma, eventIds)) === 0) return true;
        const left = deadline - Date.now();
        if (left <= 0) return false;
        // Recheck when this process finishes a pass, or soon, in case another process applied them.
        await new Promise<void>((resolve) => {
          const done = () => {
            passWaiters.delete(done);
            resolve();
          };
          passWaiters.add(done);
          sleep(Math.min(WAIT_POLL_MS, left)).then(done);
        });
      }
    },
    start() {
      if (polling) return;
      polling = true;
      pollLoop = poll();
    },
    async stop() {
      polling = false;
      stopped = true;
      if (resumeTimer) clearTimeout(resumeTimer);
      cancelPollSleep?.abort();
      await pollLoop;
      while (inFlight) await inFlight;
    },
  };
}

function groupByEntity(events: readonly ClaimedEvent[]): EntityGroup[] {
  const groups = new Map<string, EntityGroup>();
  for (const event of events) {
    const ref = { entity: event.entity, id: event.entityId };
    const group = groups.get(refKey(ref)) ?? { ref, events: [] };
    group.events.push(event);
    groups.set(refKey(ref), group);
  }
  return [...groups.values()];
}

const maxAttempts = (events: readonly ClaimedEvent[]) => Math.max(...events.map((e) => e.attempts));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!;

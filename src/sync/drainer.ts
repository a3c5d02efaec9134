// Moves outbox events into Neo4j. One drainer per gateway process; any number of processes may
// drain the same outbox (see claimEvents.ts for how they stay out of each other's way).
//
// Passes are single-flight per process: a wake during a pass only asks for another pass, so a burst
// of mutations becomes a few batched projections instead of one transaction each. After a failed
// pass the drainer pauses (the same capped, jittered backoff as the events) so a Neo4j outage costs
// one failing pass per backoff step, not one per mutation; events written meanwhile just wait.
//
// While polling it also LISTENs for the capture triggers' NOTIFY: a write by another client (psql,
// a migration, another service) asks for a pass at its commit, as a mutation's wake does.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { RECORDED_CHANNEL } from "../outbox/captureTriggers.ts";
import { startChannelListener, type ChannelListener } from "../postgres/channelListener.ts";
import { drainPass, type DrainerDeps, type PassResult } from "./drainPass.ts";
import { retryDelay } from "./retryDelay.ts";
import { createPassSignal, waitUntilApplied } from "./waitUntilApplied.ts";

export type { DrainerDeps, PassResult };

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

/** Ids handed over beyond this many (a long outage) are left to the poll, which finds them anyway. */
const MAX_PRIORITY_IDS = 10_000;

export function createDrainer(given: Omit<DrainerDeps, "drainerId">): Drainer {
  // Its own row of published bookmarks: passes of one drainer never overlap, so the row only advances.
  const deps: DrainerDeps = { ...given, drainerId: randomUUID() };
  const { sql, logger, settings } = deps;
  const priority = new Set<bigint>();
  let dueRequested = false;
  let rerun = false;
  let inFlight: Promise<void> | null = null;
  let pausedUntil = 0;
  let consecutiveFailures = 0;
  let lastPassStartedAt = 0;
  let polling = false;
  let stopped = false;
  let resumeTimer: NodeJS.Timeout | null = null;
  let pollLoop: Promise<void> | null = null;
  let cancelPollSleep: AbortController | null = null;
  let listener: ChannelListener | null = null;
  const passes = createPassSignal();

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
        passes.notify();
      }
    })();
  }

  async function drainRequested(): Promise<void> {
    while (priority.size > 0) {
      await coalesce();
      const ids = [...priority].slice(0, settings.batchSize);
      for (const id of ids) priority.delete(id);
      if (!(await guardedPass(ids))) return;
    }
    if (!dueRequested) return;
    dueRequested = false;
    // Keep going while passes come back full: a backlog drains at batch speed, not poll speed.
    for (;;) {
      await coalesce();
      const result = await guardedPass(undefined);
      if (!result || result.claimed < settings.batchSize) return;
    }
  }

  /**
   * Passes start at least coalesceMs apart: under load, events committed meanwhile join the next
   * pass, and one projection of many events costs far less than many projections of one.
   */
  async function coalesce(): Promise<void> {
    const wait = lastPassStartedAt + settings.coalesceMs - Date.now();
    if (wait > 0) await sleep(wait);
    lastPassStartedAt = Date.now();
  }

  /** A pass that never throws; on failure it pauses the drainer and returns null. */
  async function guardedPass(onlyIds: readonly bigint[] | undefined): Promise<PassResult | null> {
    try {
      const result = await drainPass(deps, onlyIds);
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

  function drainDue(): void {
    dueRequested = true;
    kick();
  }

  async function poll(): Promise<void> {
    while (polling) {
      drainDue();
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
      return drainPass(deps, onlyIds);
    },
    waitUntilApplied: (eventIds, timeoutMs) => waitUntilApplied(sql, passes, eventIds, timeoutMs),
    start() {
      if (polling) return;
      polling = true;
      pollLoop = poll();
      if (deps.listenUrl) {
        // On (re)connect too: what was recorded while the connection was down.
        listener = startChannelListener({ databaseUrl: deps.listenUrl, channel: RECORDED_CHANNEL, name: "mobius-drainer", logger, onNotification: drainDue, onConnected: drainDue });
      }
    },
    async stop() {
      polling = false;
      stopped = true;
      if (resumeTimer) clearTimeout(resumeTimer);
      cancelPollSleep?.abort();
      await listener?.stop();
      await pollLoop;
      while (inFlight) await inFlight;
    },
  };
}

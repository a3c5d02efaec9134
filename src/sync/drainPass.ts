// One drainer pass, in one Postgres transaction: claim due events (and their entities' locks, see
// claimEvents.ts), project their entities, then mark each event applied or failed with its retry
// time. The transaction ends only after Neo4j committed, so the locks cover read and write. Its
// statements go straight to the pool, not through Prisma, which costs several times more CPU per
// statement; a pass is begin, claim, a state read per entity kind, color locks, color state, mark
// and commit, each a round trip on the transaction's one connection.
import { isRetryableError } from "neo4j-driver";
import type { Logger } from "pino";
import type { GraphSyncSettings } from "../config/config.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { SyncMetrics } from "./syncMetrics.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { claimEvents, type ClaimedEvent } from "../outbox/claimEvents.ts";
import { refKey, type EntityRef } from "../outbox/entityRef.ts";
import { projectEntities } from "../projector/projectEntities.ts";
import { retryDelay } from "./retryDelay.ts";
import { markApplied, markFailed, type EventFailure } from "../outbox/settleEvents.ts";
import { inSpan, linkTo, tracingStarted } from "../observability/tracing.ts";

export interface DrainerDeps {
  readonly sql: Sql;
  readonly graph: GraphConnection;
  readonly logger: Logger;
  readonly metrics: SyncMetrics;
  readonly settings: GraphSyncSettings;
  /**
   * Where to LISTEN for the capture triggers' NOTIFY while polling, so a write by any client is
   * projected at its commit, not at the next poll. Unset: the poll alone (embedded PGlite).
   */
  readonly listenUrl?: string;
  /** Names this drainer's row of published bookmarks (drainer_bookmarks); one per drainer instance. */
  readonly drainerId: string;
}

export interface PassResult {
  readonly claimed: number;
  readonly applied: number;
  readonly failed: number;
  /** Neo4j could not be reached: the drainer pauses instead of hammering it. */
  readonly graphUnavailable: boolean;
}

interface EntityGroup {
  readonly ref: EntityRef;
  readonly events: ClaimedEvent[];
}

type Failed = { group: EntityGroup; error: string };

/** A pass stuck this long between two statements (awaiting Neo4j) loses its transaction and locks. */
const PASS_IDLE_TIMEOUT_MS = 60_000;

/** A pass's transaction: its statements read the outbox and the entities by key, never a whole table. */
export const inPassTransaction = <T>(sql: Sql, work: (tx: RawSql) => Promise<T>) =>
  sql.transaction(work, { idleTimeoutMs: PASS_IDLE_TIMEOUT_MS, indexScansOnly: true });

export async function drainPass(deps: DrainerDeps, onlyIds?: readonly bigint[]): Promise<PassResult> {
  const { sql, settings, metrics } = deps;
  const stopTimer = metrics.graphProjectionSeconds.startTimer();
  try {
    const outcome = await inPassTransaction(sql, async (tx) => {
      const events = await claimEvents(tx, { limit: settings.batchSize, onlyIds });
      if (events.length === 0) return { claimed: 0, applied: [], failed: [], graphUnavailable: false };
      // A trace of its own (an empty poll makes none), even when a mutation's after-commit wake
      // started it on this event loop: it links to the span of each request whose events it applies.
      const links = tracingStarted() ? [...new Set(events.map((e) => e.traceparent))].map(linkTo).filter((link) => link !== null) : [];
      return inSpan("graph_sync drain pass", { root: true, links, attributes: { "mobius.graph_sync.claimed": events.length } }, async (span) => {
        const { applied, failed, graphUnavailable, bookmarks } = await projectGroups(deps.graph, tx, groupByEntity(events));
        await markApplied(tx, applied.flatMap((g) => g.events.map((e) => e.id)), { drainerId: deps.drainerId, bookmarks });
        await markFailed(tx, failed.flatMap(({ group, error }) => failuresOf(group, error, settings)));
        span?.setAttributes({ "mobius.graph_sync.applied_entities": applied.length, "mobius.graph_sync.failed_entities": failed.length });
        return { claimed: events.length, applied, failed, graphUnavailable };
      });
    });
    // Reported once committed: until then nothing is applied or rescheduled.
    report(deps, outcome.applied, outcome.failed);
    return { ...outcome, applied: outcome.applied.length, failed: outcome.failed.length };
  } finally {
    stopTimer();
  }
}

async function projectGroups(graph: GraphConnection, tx: RawSql, groups: EntityGroup[]) {
  const graphGroups = groups.filter((g) => g.ref.entity !== "organization");
  // Organizations have no node: their events only need to be marked applied.
  const applied = groups.filter((g) => g.ref.entity === "organization");
  const failed: Failed[] = [];
  let graphUnavailable = false;
  // The last write's: this drainer's writes follow each other, so it covers the earlier ones.
  let bookmarks: string[] = [];
  if (graphGroups.length === 0) return { applied, failed, graphUnavailable, bookmarks };
  const settle = (batch: EntityGroup[], result: Awaited<ReturnType<typeof projectEntities>>) => {
    bookmarks = result.bookmarks;
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
  return { applied, failed, graphUnavailable, bookmarks };
}

function failuresOf(group: EntityGroup, error: string, settings: GraphSyncSettings): EventFailure[] {
  const attempt = Math.max(...group.events.map((e) => e.attempts)) + 1;
  return group.events.map((e) => ({ id: e.id, error, retryInMs: retryDelay(attempt, settings) }));
}

function report({ logger, metrics }: DrainerDeps, applied: EntityGroup[], failed: Failed[]): void {
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

// Keeps the graph's learned patterns within a bounded staleness of Postgres: every interval it reads
// the outbox's newest event id, and when that moved since the graph's patterns were computed (or the
// graph has none, or they are older than MAX_AGE_INTERVALS intervals) it recomputes them all
// (computePatterns) and replaces them (writePatterns).
//
// A scheduled recomputation rather than an incremental update in the projector, measured
// (docs/patterns.md): the projector's pass stays exactly as fast as without patterns (a pair or
// triad counter per approved asset would add writes to shared nodes on every feedback, in the
// drainer's hot path), and a full recomputation of the medium data set takes ~30 s on a loaded 2-core machine, off the drainer. The
// price is staleness: a change shows in the patterns within one interval plus one recomputation.
// The forced recomputation after MAX_AGE_INTERVALS covers an event committed late with an id below
// the newest one seen (ids are allocated before commit).
//
// One replica recomputes at a time (a transaction-scoped advisory lock held while it runs); the
// others find the graph's record up to date and skip.
import type { Logger } from "pino";
import type { PatternSettings } from "../config/config.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import { computePatterns } from "./computePatterns.ts";
import { patternCypher as cypher } from "./patternCypher.ts";
import { writePatterns } from "./writePatterns.ts";

const REFRESH_LOCK_KEY = 7_340_912_127n;
const MAX_AGE_INTERVALS = 10;

/** What the graph's patterns were computed from (the PatternSet node), or null before the first refresh. */
export interface PatternRecord {
  /** The newest outbox event id Postgres had when the computation started. */
  readonly sourceEventId: bigint;
  readonly computedAt: Date;
  readonly durationMs: number;
  readonly minOrganizations: number;
  readonly patterns: number;
}

export type RefreshOutcome = "refreshed" | "upToDate" | "busy";

export interface PatternRefresher {
  /** Recomputes now when anything changed (or `force`); what the tests and the first start call. */
  refresh(options?: { force?: boolean }): Promise<RefreshOutcome>;
  readRecord(): Promise<PatternRecord | null>;
  start(): void;
  stop(): Promise<void>;
}

export interface RefresherDeps {
  readonly sql: Sql;
  readonly graph: GraphConnection;
  readonly settings: PatternSettings;
  readonly logger: Logger;
  readonly onRefreshed?: (seconds: number) => void;
}

export function createPatternRefresher({ sql, graph, settings, logger, onRefreshed }: RefresherDeps): PatternRefresher {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  async function readRecord(): Promise<PatternRecord | null> {
    const { records } = await graph.driver.executeQuery(cypher.readRefresh, {}, { database: graph.database, routing: "READ" });
    const row = records[0]?.toObject();
    if (!row) return null;
    return {
      sourceEventId: BigInt(row.sourceEventId),
      computedAt: new Date(Number(row.computedAt)),
      durationMs: Number(row.durationMs),
      minOrganizations: Number(row.minOrganizations),
      patterns: Number(row.patterns),
    };
  }

  async function refresh({ force = false } = {}): Promise<RefreshOutcome> {
    return sql.transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        /* lockPatternRefresh */ SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK_KEY}) AS locked`;
      if (!lock?.locked) return "busy";
      const [newest] = await tx.$queryRaw<{ id: bigint }[]>`/* newestSyncEvent */ SELECT coalesce(max(id), 0) AS id FROM sync_events`;
      const sourceEventId = newest!.id;
      const record = await readRecord();
      const fresh =
        record !== null &&
        record.sourceEventId === sourceEventId &&
        record.minOrganizations === settings.minOrganizations &&
        Date.now() - record.computedAt.getTime() < MAX_AGE_INTERVALS * settings.refreshIntervalMs;
      if (fresh && !force) return "upToDate";
      const started = performance.now();
      const computedAt = new Date();
      // On the transaction's own connection: an embedded PGlite serves only one.
      const patterns = await computePatterns(tx, settings);
      await writePatterns(graph, tx, patterns, computedAt.toISOString());
      const durationMs = Math.round(performance.now() - started);
      await graph.driver.executeQuery(
        cypher.recordRefresh,
        { sourceEventId: sourceEventId.toString(), computedAt: computedAt.toISOString(), durationMs, minOrganizations: settings.minOrganizations, patterns: patterns.length },
        { database: graph.database },
      );
      onRefreshed?.(durationMs / 1000);
      logger.info({ patterns: patterns.length, durationMs }, "patterns_refreshed");
      return "refreshed";
    }, { idleTimeoutMs: 10 * 60_000 });
  }

  function schedule() {
    timer = setTimeout(() => {
      running = refresh()
        .catch((error: unknown) => logger.warn({ err: error }, "pattern_refresh_failed"))
        .finally(() => timer !== null && schedule());
    }, settings.refreshIntervalMs);
    timer.unref();
  }

  return {
    refresh,
    readRecord,
    start() {
      if (timer !== null) return;
      running = refresh().catch((error: unknown) => logger.warn({ err: error }, "pattern_refresh_failed"));
      schedule();
    },
    async stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

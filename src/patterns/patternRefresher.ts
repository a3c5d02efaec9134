// Keeps the graph's learned patterns within a bounded staleness of Postgres. Every interval it reads
// the outbox's newest event id; when that moved since the graph's patterns were computed (or the
// record is older than MAX_AGE_INTERVALS intervals) it reads each industry's input digest
// (industryDigests.ts) and recomputes only the industries whose digest moved (computePatterns),
// writing only the patterns whose numbers changed (writePatterns). A forced refresh, a first one, or
// a change of k or of the per-industry limit recomputes every industry.
//
// A scheduled recomputation rather than an incremental update in the projector (docs/patterns.md):
// the projector's pass stays exactly as fast as without patterns, and distinct-organization counts
// are recomputed from rows rather than decremented. The forced digest check after MAX_AGE_INTERVALS
// covers an event committed late with an id below the newest one seen (ids are allocated before
// commit). Between two refreshes the refresher waits the interval, and at least BUSY_SHARE⁻¹ − 1
// times as long as the last refresh took, so recomputing never takes more than a tenth of the
// time, however short the interval: the write path keeps the machine. The staleness this costs is
// reported (mobius_pattern_staleness_seconds, Query.patternStatus).
//
// One replica recomputes at a time (a transaction-scoped advisory lock held while it runs); the
// others find the graph's record up to date and skip.
import type { Logger } from "pino";
import type { PatternSettings } from "../config/config.ts";
import { INDUSTRY_CODES } from "../domain/industries.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import { computePatterns } from "./computePatterns.ts";
import { changedIndustries, readIndustryDigests, type IndustryDigests } from "./industryDigests.ts";
import { patternCypher as cypher } from "./patternCypher.ts";
import { writePatterns } from "./writePatterns.ts";

const REFRESH_LOCK_KEY = 7_340_912_127n;
const MAX_AGE_INTERVALS = 10;
/** The most of the wall-clock time the refresher spends refreshing. */
const BUSY_SHARE = 0.1;

/** What the graph's patterns were computed from (the PatternSet node), or null before the first refresh. */
export interface PatternRecord {
  /** The newest outbox event id Postgres had when the computation started. */
  readonly sourceEventId: bigint;
  readonly computedAt: Date;
  readonly durationMs: number;
  readonly minOrganizations: number;
  readonly limitPerIndustry: number | null;
  readonly patterns: number;
  /** Each industry's input digest when it was last learned; null when the record predates digests. */
  readonly digests: IndustryDigests | null;
  /** The industries the last refresh recomputed. */
  readonly recomputedIndustries: string[];
}

export type RefreshOutcome = "refreshed" | "upToDate" | "busy";

export interface PatternRefresher {
  /** Recomputes now what changed (everything with `force`); what the tests and the first start call. */
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
  let lastDurationMs = 0;

  async function readRecord(): Promise<PatternRecord | null> {
    const { records } = await graph.driver.executeQuery(cypher.readRefresh, {}, { database: graph.database, routing: "READ" });
    const row = records[0]?.toObject();
    if (!row) return null;
    const industries: string[] | null = row.industries ?? null;
    const digests: string[] | null = row.digests ?? null;
    return {
      sourceEventId: BigInt(row.sourceEventId),
      computedAt: new Date(Number(row.computedAt)),
      durationMs: Number(row.durationMs),
      minOrganizations: Number(row.minOrganizations),
      limitPerIndustry: row.limitPerIndustry === null ? null : Number(row.limitPerIndustry),
      patterns: Number(row.patterns),
      digests: industries && digests ? new Map(industries.map((code, i) => [code, digests[i]!])) : null,
      recomputedIndustries: row.recomputedIndustries ?? [],
    };
  }

  async function refresh({ force = false } = {}): Promise<RefreshOutcome> {
    const started = performance.now();
    const outcome = await sql.transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        /* lockPatternRefresh */ SELECT pg_try_advisory_xact_lock(${REFRESH_LOCK_KEY}) AS locked`;
      if (!lock?.locked) return "busy";
      const [newest] = await tx.$queryRaw<{ id: bigint }[]>`/* newestSyncEvent */ SELECT coalesce(max(id), 0) AS id FROM sync_events`;
      const sourceEventId = newest!.id;
      const record = await readRecord();
      const sameSettings = record !== null && record.minOrganizations === settings.minOrganizations && record.limitPerIndustry === settings.limitPerIndustry;
      const fresh =
        sameSettings &&
        record.sourceEventId === sourceEventId &&
        Date.now() - record.computedAt.getTime() < MAX_AGE_INTERVALS * settings.refreshIntervalMs;
      if (fresh && !force) return "upToDate";
      const computedAt = new Date();
      // Read before the patterns, on the same connection: a change committed in between is in the
      // patterns but not in the digest, so the next refresh recomputes its industry once more
      // rather than never. (On the transaction's connection also because an embedded PGlite serves only one.)
      const digests = await readIndustryDigests(tx);
      const industries = force || !sameSettings || !record.digests ? [...INDUSTRY_CODES] : changedIndustries(record.digests, digests);
      const computing = performance.now();
      const patterns = await computePatterns(tx, settings, industries);
      const writing = performance.now();
      const writes = await writePatterns(graph, tx, industries, patterns);
      const phasesMs = { checkMs: Math.round(computing - started), computeMs: Math.round(writing - computing), writeMs: Math.round(performance.now() - writing) };
      const { records } = await graph.driver.executeQuery(cypher.countPatterns, {}, { database: graph.database });
      const total = Number(records[0]!.get("patterns"));
      const durationMs = Math.round(performance.now() - started);
      await graph.driver.executeQuery(
        cypher.recordRefresh,
        {
          sourceEventId: sourceEventId.toString(),
          computedAt: computedAt.toISOString(),
          durationMs,
          minOrganizations: settings.minOrganizations,
          limitPerIndustry: settings.limitPerIndustry,
          patterns: total,
          industries: [...digests.keys()],
          digests: [...digests.values()],
          recomputedIndustries: industries,
        },
        { database: graph.database },
      );
      onRefreshed?.(durationMs / 1000);
      logger.info({ patterns: total, industries: industries.length, ...writes, ...phasesMs, durationMs }, "patterns_refreshed");
      return "refreshed";
    }, { idleTimeoutMs: 10 * 60_000 });
    lastDurationMs = performance.now() - started;
    return outcome;
  }

  /** The next refresh, `delayMs` from now; each one schedules its successor until stop(). */
  function schedule(delayMs: number) {
    timer = setTimeout(() => {
      running = refresh()
        .catch((error: unknown) => logger.warn({ err: error }, "pattern_refresh_failed"))
        .finally(() => {
          if (timer !== null) schedule(Math.max(settings.refreshIntervalMs, lastDurationMs * (1 / BUSY_SHARE - 1)));
        });
    }, delayMs);
    timer.unref();
  }

  return {
    refresh,
    readRecord,
    start() {
      if (timer === null) schedule(0);
    },
    async stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

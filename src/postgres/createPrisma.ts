// One pg pool per process, two ways in: Prisma for everything it models, and plain SQL where
// Prisma's fixed cost per statement dominates (it compiles each query in its WASM query compiler,
// about ten times the CPU of sending the same statement on the pool; docs/performance-notes.md): brand
// lookups by id on the read paths, an asset's update and image upload, and the sync drainer's
// passes. Both report every statement to the same onQuery hook, so metrics and statement counts see
// them alike.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { traceSqlStatement } from "../observability/traceStatements.ts";
import { rawSqlOn, timedQuery, type OnQuery, type RawSql } from "./rawSql.ts";

export type { PrismaClient };

export interface PrismaOptions {
  /** Pool size; PGlite multiplexes a single backend, so more buys nothing there. */
  readonly maxConnections?: number;
  readonly log?: boolean;
  /** Called for every SQL statement with its text and duration: the metrics histogram, and how tests
   *  and the benchmark count statements per request. */
  readonly onQuery?: OnQuery;
  /** Called when Postgres drops an idle connection (a restart, a failover, pg_terminate_backend, a
   *  pooler's idle timeout); the pool replaces it on the next checkout. */
  readonly onConnectionLost?: (error: Error) => void;
  /** Postgres cancels any statement on this pool running longer (statement_timeout); unset: no limit. */
  readonly statementTimeoutMs?: number;
  /**
   * False: this pool's writes record their outbox events without NOTIFYing the drainers (the
   * session's mobius.notify = off, read by the capture triggers), for a process whose own drainer is
   * woken with the ids of every event it records. Default true.
   */
  readonly notifyDrainers?: boolean;
}

/** Plain parameterized SQL on Prisma's pool. */
export interface Sql {
  rows<Row>(text: string, values: readonly unknown[]): Promise<Row[]>;
  /**
   * `work` in one transaction on one connection, committed when it resolves, rolled back when it
   * throws. Postgres itself ends a transaction left idle longer than `idleTimeoutMs` (a caller stuck
   * awaiting something else while holding locks): its locks go and the commit fails. Background work
   * (a drainer pass, a pattern refresh) may run each statement up to BACKGROUND_STATEMENT_TIMEOUT_MS;
   * a request's write (`forRequest`) keeps the pool's per-request limit.
   */
  transaction<T>(work: (tx: RawSql) => Promise<T>, options: TransactionOptions): Promise<T>;
}

export interface TransactionOptions {
  readonly idleTimeoutMs: number;
  readonly forRequest?: boolean;
  /**
   * Every statement of the work looks its rows up by key (a drainer pass): plan them with plain
   * index scans only. A prepared statement keeps the plan Postgres chose for the table's size when
   * it was first run, until the table is next analyzed (rawSql.ts), and one planned while the outbox
   * was small scans the whole outbox once it has grown (docs/sync.md). Bitmap scans are left out
   * too: they reread the dead index entries a plain index scan marks (the due_sync_events migration).
   */
  readonly indexScansOnly?: boolean;
}

export interface Postgres {
  readonly prisma: PrismaClient;
  readonly sql: Sql;
}

/** `prisma.$disconnect()` also ends the pool. */
export function createPostgres(databaseUrl: string, options: PrismaOptions = {}): Postgres {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10,
    // A session setting sent at connect: the server itself ends the statement, so nothing keeps
    // running there after the caller got its error. Longer work (a backfill chunk) raises it with SET LOCAL.
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.notifyDrainers === false ? { options: "-c mobius.notify=off" } : {}),
  });
  // pg-pool re-emits an idle connection's error on the pool: with no listener it ends the process.
  pool.on("error", (error) => options.onConnectionLost?.(error));
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: options.onQuery ? [{ emit: "event", level: "query" }] : options.log ? ["query"] : [],
  });
  const onQuery = options.onQuery;
  if (onQuery) {
    (prisma as unknown as QueryEvents).$on("query", (e) => {
      onQuery(e.query, e.duration);
      traceSqlStatement(e.query, e.duration);
    });
  }
  return { prisma, sql: createSql(pool, onQuery) };
}

/** A statement of background work (drainer pass, backfill chunk, pattern refresh) may run this long. */
export const BACKGROUND_STATEMENT_TIMEOUT_MS = 120_000;

/** Plain SQL on a pool: Prisma's (createPostgres), or one without Prisma (the drainer's thread). */
export function createSql(pool: pg.Pool, onQuery?: OnQuery): Sql {
  return {
    async rows<Row>(text: string, values: readonly unknown[]) {
      return (await timedQuery(pool, { text, values: [...values] }, onQuery)).rows as Row[];
    },
    async transaction(work, { idleTimeoutMs, forRequest = false, indexScansOnly = false }) {
      const client = await pool.connect();
      // A connection that failed mid-transaction (e.g. ended by the idle timeout) is not reused.
      let failedConnection: Error | undefined;
      const onError = (error: Error) => (failedConnection = error);
      client.on("error", onError);
      try {
        // One round trip: a simple-protocol query may hold several statements.
        const limits = [`SET LOCAL idle_in_transaction_session_timeout = ${Math.round(idleTimeoutMs)}`];
        if (!forRequest) limits.push(`SET LOCAL statement_timeout = ${BACKGROUND_STATEMENT_TIMEOUT_MS}`);
        if (indexScansOnly) limits.push("SET LOCAL enable_seqscan = off", "SET LOCAL enable_bitmapscan = off");
        await client.query(["BEGIN", ...limits].join("; "));
        const result = await work(rawSqlOn(client, onQuery));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollbackError: Error) => (failedConnection = rollbackError));
        throw error;
      } finally {
        client.off("error", onError);
        client.release(failedConnection);
      }
    },
  };
}

export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  return createPostgres(databaseUrl, options).prisma;
}

/** The client's type only lists $on("query") when its log option is a literal; ours is chosen at run time. */
interface QueryEvents {
  $on(event: "query", listener: (e: { query: string; duration: number }) => void): void;
}

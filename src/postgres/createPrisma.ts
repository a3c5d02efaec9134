// One pg pool per process, two ways in: Prisma for everything it models, and plain SQL for the few
// hot reads where Prisma's fixed cost per statement dominates (≈ 0.6 ms of CPU compiling each query
// in its WASM query compiler, against ≈ 0.06 ms for the same statement on the pool; measured on this
// machine). Both report every statement to the same onQuery hook, so metrics and statement counts
// see them alike.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type { PrismaClient };

export interface PrismaOptions {
  /** Pool size; PGlite multiplexes a single backend, so more buys nothing there. */
  readonly maxConnections?: number;
  readonly log?: boolean;
  /** Called for every SQL statement with its text and duration: the metrics histogram, and how tests
   *  and the benchmark count statements per request. */
  readonly onQuery?: (sql: string, durationMs: number) => void;
}

/** Plain parameterized SQL on Prisma's pool. */
export interface Sql {
  rows<Row>(text: string, values: readonly unknown[]): Promise<Row[]>;
}

export interface Postgres {
  readonly prisma: PrismaClient;
  readonly sql: Sql;
}

/** `prisma.$disconnect()` also ends the pool. */
export function createPostgres(databaseUrl: string, options: PrismaOptions = {}): Postgres {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: options.onQuery ? [{ emit: "event", level: "query" }] : options.log ? ["query"] : [],
  });
  const onQuery = options.onQuery;
  if (onQuery) (prisma as unknown as QueryEvents).$on("query", (e) => onQuery(e.query, e.duration));
  const sql: Sql = {
    async rows<Row>(text: string, values: readonly unknown[]) {
      const started = performance.now();
      const { rows } = await pool.query(text, values as unknown[]);
      onQuery?.(text, performance.now() - started);
      return rows as Row[];
    },
  };
  return { prisma, sql };
}

export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  return createPostgres(databaseUrl, options).prisma;
}

/** The client's type only lists $on("query") when its log option is a literal; ours is chosen at run time. */
interface QueryEvents {
  $on(event: "query", listener: (e: { query: string; duration: number }) => void): void;
}

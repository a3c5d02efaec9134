// The part of Prisma's raw API the sync's statements use ($queryRaw and $executeRaw as tagged
// templates). A Prisma transaction has it, and so does a transaction straight on the pg pool
// (createPrisma.ts), so the drainer's dozen statements per pass can skip Prisma's per-statement
// cost while the backfill keeps calling the same code with its Prisma transaction.
import { createHash } from "node:crypto";
import pg from "pg";
import { traceSqlStatement } from "../observability/traceStatements.ts";

export interface RawSql {
  $queryRaw<Row>(strings: TemplateStringsArray, ...values: unknown[]): Promise<Row>;
  $executeRaw(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

/** As Prisma's raw queries answer: int8 (outbox ids, counts) as bigint, not pg's default string. */
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

/**
 * A tagged template as one parameterized statement: `${value}` becomes $1, $2, … It is a named
 * (prepared) statement: each connection parses and plans it once, then only binds and runs it. The
 * drainer runs the same few statements on every pass, and planning them cost Postgres more than
 * running them (docs/sync.md). A template's text is fixed where it is written, so the names are
 * bounded by the code, never by the data.
 *
 * Postgres keeps such a plan until the table is next analyzed, so it must not depend on how large
 * the table was when the connection first ran it: the outbox grows under a connection that planned
 * a sequential scan while it was small. The outbox's statements read through a function planned at
 * each call (recorded_sync_event_ids) or in a transaction planned with index scans only
 * (TransactionOptions.indexScansOnly).
 */
export function rawStatement(strings: TemplateStringsArray, values: readonly unknown[]): pg.QueryConfig {
  let prepared = PREPARED.get(strings);
  if (!prepared) {
    const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
    prepared = { text, name: `mobius_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}` };
    PREPARED.set(strings, prepared);
  }
  return { ...prepared, values: [...values], types };
}

/** By call site: a tagged template's strings array is one object per place in the code. */
const PREPARED = new WeakMap<TemplateStringsArray, { readonly text: string; readonly name: string }>();

export type OnQuery = (sql: string, durationMs: number) => void;

/** One statement on the pool or a connection, reported to `onQuery` like Prisma's statements are. */
export async function timedQuery(on: pg.Pool | pg.ClientBase, statement: pg.QueryConfig, onQuery?: OnQuery): Promise<pg.QueryResult> {
  const started = performance.now();
  const result = await on.query(statement);
  const durationMs = performance.now() - started;
  onQuery?.(statement.text, durationMs);
  traceSqlStatement(statement.text, durationMs);
  return result;
}

/** RawSql on one checked-out connection. */
export function rawSqlOn(client: pg.PoolClient, onQuery?: OnQuery): RawSql {
  const run = (strings: TemplateStringsArray, values: readonly unknown[]) => timedQuery(client, rawStatement(strings, values), onQuery);
  return {
    $queryRaw: async <Row>(strings: TemplateStringsArray, ...values: unknown[]) => (await run(strings, values)).rows as Row,
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => (await run(strings, values)).rowCount ?? 0,
  };
}

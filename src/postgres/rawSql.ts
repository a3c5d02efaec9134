// The part of Prisma's raw API the sync's statements use ($queryRaw and $executeRaw as tagged
// templates). A Prisma transaction has it, and so does a transaction straight on the pg pool
// (createPrisma.ts), so the drainer's dozen statements per pass can skip Prisma's per-statement
// cost while the backfill keeps calling the same code with its Prisma transaction.
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

/** A tagged template as one parameterized statement: `${value}` becomes $1, $2, … */
export function rawStatement(strings: TemplateStringsArray, values: readonly unknown[]): pg.QueryConfig {
  const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
  return { text, values: [...values], types };
}

export type OnQuery = (sql: string, durationMs: number) => void;

/** One statement on the pool or a connection, reported to `onQuery` like Prisma's statements are. */
export async function timedQuery(on: pg.Pool | pg.PoolClient, statement: pg.QueryConfig, onQuery?: OnQuery): Promise<pg.QueryResult> {
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

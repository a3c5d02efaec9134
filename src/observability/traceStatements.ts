// Spans for database statements: one per SQL statement (reported by the pool and by Prisma once it
// ran) and one per Cypher statement (wrapped around its run). Parameters are never recorded, only
// the statement's text, which holds none.
import { inSpan, recordStatementSpan, SpanKind, tracingStarted } from "./tracing.ts";

/** The statement's name (its leading comment, the project's convention) or else its first keyword. */
function sqlSpanName(sql: string): string {
  const named = /^\s*\/\*\s*(\w+)\s*\*\//.exec(sql)?.[1];
  return named ?? /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "SQL";
}

export function traceSqlStatement(sql: string, durationMs: number): void {
  if (!tracingStarted()) return;
  recordStatementSpan(`postgres ${sqlSpanName(sql)}`, durationMs, { "db.system.name": "postgresql", "db.query.text": sql.slice(0, 4_000) });
}

/** Runs a Cypher statement inside a span named after it. `run` is called at once, in this tick. */
export function traceCypher<T>(name: string, text: string, run: () => Promise<T>): Promise<T> {
  if (!tracingStarted()) return run();
  return inSpan(`neo4j ${name}`, { kind: SpanKind.CLIENT, attributes: { "db.system.name": "neo4j", "db.query.text": text.slice(0, 4_000) } }, run);
}

import { PrismaPg } from "@prisma/adapter-pg";
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

export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  const prisma = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: "event", level: "query" }] : options.log ? ["query"] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (prisma as unknown as QueryEvents).$on("query", (e) => onQuery(e.query, e.duration));
  }
  return prisma;
}

/** The client's type only lists $on("query") when its log option is a literal; ours is chosen at run time. */
interface QueryEvents {
  $on(event: "query", listener: (e: { query: string; duration: number }) => void): void;
}

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type { PrismaClient };

export interface PrismaOptions {
  /** Pool size; PGlite multiplexes a single backend, so more buys nothing there. */
  readonly maxConnections?: number;
  readonly log?: boolean;
  /** Called with every SQL statement sent; how tests and the benchmark count statements per request. */
  readonly onQuery?: (sql: string) => void;
}

export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  const { onQuery } = options;
  if (!onQuery) return new PrismaClient({ adapter, log: options.log ? ["query"] : [] });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", (event) => onQuery(event.query));
  return prisma;
}

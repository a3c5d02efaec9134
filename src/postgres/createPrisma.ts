import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type { PrismaClient };

export interface PrismaOptions {
  /** Pool size; PGlite multiplexes a single backend, so more buys nothing there. */
  readonly maxConnections?: number;
  readonly log?: boolean;
}

export function createPrisma(databaseUrl: string, options: PrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter, log: options.log ? ["query"] : [] });
}

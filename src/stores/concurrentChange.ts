// What a mutation reports when another request changed the same rows between its checks and its
// writes: a row it read is gone (P2025), a parent it links to was deleted (P2003, or Postgres' own
// 23503 for a write in plain SQL), or Postgres chose it as a deadlock victim (P2034; 40P01 or 40001).
// The transaction rolled back whole, so nothing is written.
import pg from "pg";
import { Prisma } from "../generated/prisma/client.ts";
import { ErrorCode, GatewayError } from "../errors/codes.ts";

const GONE = new Set(["P2025", "P2003", "23503"]);
const CONFLICT = new Set(["P2034", "40P01", "40001"]);

/** Prisma's code for its own statements, Postgres' SQLSTATE for a transaction in plain SQL. */
const codeOf = (error: unknown): string | undefined =>
  error instanceof Prisma.PrismaClientKnownRequestError || error instanceof pg.DatabaseError ? error.code : undefined;

/** A retryable conflict (deadlock or serialization failure): the same mutation may simply run again. */
export const isWriteConflict = (error: unknown) => CONFLICT.has(codeOf(error) ?? "");

/** The client-facing error for a row deleted by a concurrent request, or undefined. */
export function concurrentDeletion(error: unknown): GatewayError | undefined {
  if (!GONE.has(codeOf(error) ?? "")) return undefined;
  return new GatewayError(ErrorCode.NotFound, "A record this change needs was deleted by another request meanwhile", {
    cause: error,
  });
}

// What a mutation reports when another request changed the same rows between its checks and its
// writes: a parent it links to was deleted (23503, a foreign-key violation), or Postgres chose it as
// a deadlock victim (40P01) or failed it on a serialization conflict (40001). The transaction rolled
// back whole, so nothing is written.
import pg from "pg";
import { ErrorCode, GatewayError } from "../errors/codes.ts";

const GONE = new Set(["23503"]);
const CONFLICT = new Set(["40P01", "40001"]);

const codeOf = (error: unknown): string | undefined => (error instanceof pg.DatabaseError ? error.code : undefined);

/** A retryable conflict (deadlock or serialization failure): the same mutation may simply run again. */
export const isWriteConflict = (error: unknown) => CONFLICT.has(codeOf(error) ?? "");

/** The client-facing error for a row deleted by a concurrent request, or undefined. */
export function concurrentDeletion(error: unknown): GatewayError | undefined {
  if (!GONE.has(codeOf(error) ?? "")) return undefined;
  return new GatewayError(ErrorCode.NotFound, "A record this change needs was deleted by another request meanwhile", {
    cause: error,
  });
}

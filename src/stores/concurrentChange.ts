// What a mutation reports when another request changed the same rows between its checks and its
// writes: a row it read is gone (P2025), a parent it links to was deleted (P2003), or Postgres
// chose it as a deadlock victim (P2034). The transaction rolled back whole, so nothing is written.
import { Prisma } from "../generated/prisma/client.ts";
import { ErrorCode, GatewayError } from "../errors/codes.ts";

const GONE = new Set(["P2025", "P2003"]);

/** A retryable conflict (deadlock or serialization failure): the same mutation may simply run again. */
export const isWriteConflict = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";

/** The client-facing error for a row deleted by a concurrent request, or undefined. */
export function concurrentDeletion(error: unknown): GatewayError | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || !GONE.has(error.code)) return undefined;
  return new GatewayError(ErrorCode.NotFound, "A record this change needs was deleted by another request meanwhile", {
    cause: error,
  });
}

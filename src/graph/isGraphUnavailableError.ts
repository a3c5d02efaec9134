import { Neo4jError } from "neo4j-driver";

const CONNECTION_CODES = new Set(["ServiceUnavailable", "SessionExpired", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH"]);

/**
 * Whether an error means "Neo4j cannot answer now" (down, unreachable, failing over, transient)
 * rather than a bug in a statement. Those become GRAPH_UNAVAILABLE; anything else stays internal.
 */
export function isGraphUnavailableError(error: unknown): boolean {
  if (error instanceof Neo4jError && error.retriable) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CONNECTION_CODES.has(code);
}

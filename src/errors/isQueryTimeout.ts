// A statement the database cancelled at its time limit, however wrapped: pg's error (SQLSTATE
// 57014, query_canceled), Prisma's around it (the adapter keeps the code as `originalCode`), or a
// Neo4j transaction ended at its timeout, as runGraphQuery and @neo4j/graphql hand them on.
const POSTGRES_QUERY_CANCELED = "57014";

export function isQueryTimeout(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > 6) return false;
  const e = error as Record<string, unknown>;
  if (e.code === POSTGRES_QUERY_CANCELED || e.originalCode === POSTGRES_QUERY_CANCELED) return true;
  if (typeof e.code === "string" && e.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) return true;
  return ["cause", "originalError", "meta", "driverAdapterError"].some((key) => isQueryTimeout(e[key], depth + 1));
}

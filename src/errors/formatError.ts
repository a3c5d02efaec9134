// The one place that decides what a client sees of an error. Known codes pass through; anything
// else (a Prisma or driver error, a bug) becomes INTERNAL_SERVER_ERROR with a generic message,
// so no stack trace, SQL or Cypher leaks. Apollo's own validation codes pass through too.
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode, queryTimeout } from "./codes.ts";
import { isQueryTimeout } from "./isQueryTimeout.ts";

const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== ErrorCode.QueryTimeout && isQueryTimeout(error)) {
    const { message, extensions } = queryTimeout();
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && PUBLIC_CODES.has(code) && code !== ErrorCode.Internal) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.Internal },
  };
}

import { GraphQLError } from "graphql";

/** The closed vocabulary of `extensions.code` a client can branch on. */
export const ErrorCode = {
  BadUserInput: "BAD_USER_INPUT",
  NotFound: "NOT_FOUND",
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  /** The organization's plan does not include the feature (industry discovery needs enterprise). */
  PlanRequired: "PLAN_REQUIRED",
  GraphUnavailable: "GRAPH_UNAVAILABLE",
  QueryTooComplex: "QUERY_TOO_COMPLEX",
  /** A statement the request made ran past its time limit and was cancelled on the database. */
  QueryTimeout: "QUERY_TIMEOUT",
  OperationNotTrusted: "OPERATION_NOT_TRUSTED",
  /** A subscription's `after` is older than the resume window (or not an event of yours): resubscribe without it and re-query. */
  ResumeWindowExceeded: "RESUME_WINDOW_EXCEEDED",
  Internal: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose message is safe to show the caller; anything else is normalised to Internal. */
export class GatewayError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: { field?: string; cause?: unknown } = {},
  ) {
    super(message, {
      extensions: { code, ...(extra.field ? { field: extra.field } : {}) },
      originalError: extra.cause instanceof Error ? extra.cause : undefined,
    });
  }
}

export const badInput = (field: string, message: string) =>
  new GatewayError(ErrorCode.BadUserInput, `${field}: ${message}`, { field });

export const notFound = (what: string, id: string, field = "id") =>
  new GatewayError(ErrorCode.NotFound, `${what} ${id} does not exist`, { field });

export const graphUnavailable = (cause?: unknown) =>
  new GatewayError(ErrorCode.GraphUnavailable, "The graph database is unavailable; try again later", { cause });

export const queryTimeout = (cause?: unknown) =>
  new GatewayError(ErrorCode.QueryTimeout, "The request's database work ran past its time limit and was cancelled; narrow it and retry", { cause });

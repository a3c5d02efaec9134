import { ErrorCode } from "./codes.ts";

/** The HTTP status a REST or plain-HTTP answer carries for each code a caller can act on. */
const STATUS_OF: Partial<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.PlanRequired]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.QueryTooComplex]: 400,
  [ErrorCode.GraphUnavailable]: 503,
  [ErrorCode.QueryTimeout]: 503,
};

export const httpStatusOf = (code: string): number | undefined => STATUS_OF[code];

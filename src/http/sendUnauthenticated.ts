import type { ServerResponse } from "node:http";
import { ErrorCode } from "../errors/codes.ts";
import { sendError } from "./sendError.ts";

/** 401 in the shape the route's clients parse: a GraphQL error list, or the REST error object. */
export function sendUnauthenticated(res: ServerResponse, url: URL, message: string): void {
  res.setHeader("www-authenticate", 'Bearer realm="mobius"');
  sendError(res, url.pathname, { status: 401, code: ErrorCode.Unauthenticated, message });
}

import type { ServerResponse } from "node:http";
import { ErrorCode } from "../errors/codes.ts";
import { sendJson } from "./sendJson.ts";

/** 401 in the shape the route's clients parse: a GraphQL error list, or the REST error object. */
export function sendUnauthenticated(res: ServerResponse, url: URL, message: string): void {
  res.setHeader("www-authenticate", 'Bearer realm="mobius"');
  const body =
    url.pathname === "/graphql"
      ? { errors: [{ message, extensions: { code: ErrorCode.Unauthenticated } }] }
      : { error: ErrorCode.Unauthenticated, message };
  sendJson(res, 401, body);
}

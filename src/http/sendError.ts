import type { ServerResponse } from "node:http";
import { sendJson } from "./sendJson.ts";

export interface HttpErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/**
 * An error in the shape the route's clients parse: a GraphQL error list on /graphql, the REST error
 * object everywhere else (and when the request target could not even be read).
 */
export function sendError(res: ServerResponse, pathname: string | null, answer: HttpErrorAnswer): void {
  const { status, code, message, field } = answer;
  const body =
    pathname === "/graphql"
      ? { errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] }
      : { error: code, ...(field ? { field } : {}), message };
  sendJson(res, status, body);
}

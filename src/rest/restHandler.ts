// The seed plan's /v1 REST routes, answering its JSON shapes from the same relationship queries
// as GraphQL. Failures the caller can act on are JSON too: 400 BAD_USER_INPUT naming the field,
// 503 GRAPH_UNAVAILABLE (never an empty list standing in for a graph that is down), 404, 405.
import type { IncomingMessage, ServerResponse } from "node:http";
import { badInput, ErrorCode, GatewayError } from "../errors/codes.ts";
import type { Access } from "../auth/access.ts";
import type { GatewayDeps } from "../http/deps.ts";
import { sendJson } from "../http/sendJson.ts";
import { isStorable } from "../security/rejectUnstorableStrings.ts";
import { brandGraph } from "./handlers/brandGraph.ts";
import { colorBrands } from "./handlers/colorBrands.ts";
import { colorPairings } from "./handlers/colorPairings.ts";
import { similarBrands } from "./handlers/similarBrands.ts";
import type { RestRoute } from "./RestRoute.ts";

const ROUTES: readonly RestRoute[] = [brandGraph, colorBrands, similarBrands, colorPairings];

const STATUS_OF: Partial<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.GraphUnavailable]: 503,
};

export function restHandler({ graph, sql }: Pick<GatewayDeps, "graph" | "sql">) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, access: Access): Promise<void> => {
    const route = ROUTES.find((r) => r.pattern.test(url.pathname));
    if (!route) return sendJson(res, 404, { error: ErrorCode.NotFound, message: `No route for ${req.method} ${url.pathname}` });
    if (req.method !== "GET") {
      res.setHeader("allow", "GET");
      return sendJson(res, 405, { error: "METHOD_NOT_ALLOWED", message: `${url.pathname} only answers GET` });
    }
    try {
      const params = route.pattern.exec(url.pathname)!.slice(1).map(decodePathSegment);
      return sendJson(res, 200, await route.handle({ params, query: url.searchParams, graph, sql, access }));
    } catch (error) {
      const status = error instanceof GatewayError ? STATUS_OF[error.code] : undefined;
      if (!(error instanceof GatewayError) || !status) throw error;
      const field = error.extensions.field;
      return sendJson(res, status, { error: error.code, ...(field ? { field } : {}), message: error.message });
    }
  };
}

/** '%23abc' is '#abc'; a malformed escape, or text Postgres cannot hold (NUL), is the caller's mistake, not a 500. */
function decodePathSegment(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    throw badInput("path", `cannot decode ${JSON.stringify(segment)}`);
  }
  if (!isStorable(decoded)) throw badInput("path", "must not contain the NUL character (%00)");
  return decoded;
}

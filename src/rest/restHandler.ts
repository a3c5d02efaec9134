// The seed plan's /v1 REST routes, answering its JSON shapes from the same relationship queries
// as GraphQL. Failures the caller can act on are JSON too: 400 BAD_USER_INPUT naming the field,
// 503 GRAPH_UNAVAILABLE (never an empty list standing in for a graph that is down), 404, 405.
import { badInput, ErrorCode, GatewayError, queryTimeout } from "../errors/codes.ts";
import type { Access } from "../auth/access.ts";
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { isStorable } from "../domain/isStorable.ts";
import { httpStatusOf } from "../errors/httpStatus.ts";
import { isQueryTimeout } from "../errors/isQueryTimeout.ts";
import { brandGraph } from "./handlers/brandGraph.ts";
import { colorBrands } from "./handlers/colorBrands.ts";
import { colorPairings } from "./handlers/colorPairings.ts";
import { similarBrands } from "./handlers/similarBrands.ts";
import { brandIndustryPatterns, industryColors, industryPatterns, industryTrends } from "./handlers/industryRoutes.ts";
import type { RestRoute } from "./RestRoute.ts";
import { createRequestLoaders } from "../relationships/relationshipReads.ts";

const ROUTES: readonly RestRoute[] = [
  brandGraph, colorBrands, similarBrands, colorPairings, industryColors, industryPatterns, industryTrends, brandIndustryPatterns,
];

/** What a REST request answers: a status and a JSON body (and, for a 405, the methods allowed). */
export interface RestReply {
  readonly status: number;
  readonly body: unknown;
  readonly allow?: string;
}

export function restHandler(deps: Pick<GatewayDeps, "graph" | "sql" | "prisma" | "config">) {
  const { graph, sql } = deps;
  const patterns = deps.config.patterns;
  return async (method: string, url: URL, access: Access): Promise<RestReply> => {
    const route = ROUTES.find((r) => r.pattern.test(url.pathname));
    if (!route) return { status: 404, body: { error: ErrorCode.NotFound, message: `No route for ${method} ${url.pathname}` } };
    if (method !== "GET") {
      return { status: 405, allow: "GET", body: { error: "METHOD_NOT_ALLOWED", message: `${url.pathname} only answers GET` } };
    }
    try {
      // Every /v1 route answers about an organization's brands and colors: none is the operator's.
      if (access.isPlatformOperator) throw new GatewayError(ErrorCode.Forbidden, "A platform operator reads no organization's data");
      const params = route.pattern.exec(url.pathname)!.slice(1).map(decodePathSegment);
      const reads = createRequestLoaders(deps, access.organizationScope);
      return { status: 200, body: await route.handle({ params, query: url.searchParams, graph, sql, patterns, access, reads }) };
    } catch (thrown) {
      const error = isQueryTimeout(thrown) && !(thrown instanceof GatewayError) ? queryTimeout(thrown) : thrown;
      const status = error instanceof GatewayError ? httpStatusOf(error.code) : undefined;
      if (!(error instanceof GatewayError) || !status) throw error;
      const field = error.extensions.field;
      return { status, body: { error: error.code, ...(field ? { field } : {}), message: error.message } };
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

import type { IncomingHttpHeaders } from "node:http";
import type { Logger } from "pino";
import type { Access } from "../auth/access.ts";
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import type { AfterCommitOptions, GraphWait } from "../outbox/graphSync.ts";
import type { RequestLoaders } from "../relationships/relationshipReads.ts";
import { causalGraph } from "../graph/causalGraph.ts";
import { readCausalBookmarks } from "../sync/causalBookmarks.ts";
import { withLazyLoaders } from "./lazyLoaders.ts";

/** Everything a resolver may touch for one request; built fresh per request. */
export interface GatewayContext extends RequestLoaders {
  readonly deps: GatewayDeps;
  readonly requestId: string;
  readonly log: Logger;
  /** The caller's tenancy and role; resolvers ask it before reading or writing. */
  readonly access: Access;
  /** Whether this request's mutations wait for the graph: `x-graph-sync: wait|async`, else GRAPH_SYNC_WAIT. */
  readonly waitForGraph: boolean;
  /** What a mutation hands inTransaction: whether to wait, and where the wait's outcome goes. */
  readonly graphSync: AfterCommitOptions;
  /** This request's waits, in order; graphSyncExtension reports them. */
  readonly graphWaits: GraphWait[];
}

export interface RequestInfo {
  readonly requestId: string;
  readonly access: Access;
  readonly headers: IncomingHttpHeaders;
}

export function createContext(given: GatewayDeps, { requestId, access, headers }: RequestInfo): GatewayContext {
  const waitForGraph = waitForGraphOf(headers["x-graph-sync"], given.config.graphSync.waitForGraph);
  const graphWaits: GraphWait[] = [];
  const log = given.logger.child({ requestId });
  // A waiting request's graph reads are causal: they see every change of the caller's organization
  // committed before them, on any replica (src/sync/causalBookmarks.ts).
  const deps =
    waitForGraph && given.graph
      ? {
          ...given,
          graph: causalGraph(given.graph, async () => {
            const read = await readCausalBookmarks(given.sql, access.organizationScope, given.config.graphSync.waitTimeoutMs);
            if (read.wait.events > 0) graphWaits.push(read.wait);
            log.debug({ bookmarks: read.bookmarks, waited: read.wait }, "causal_graph_read");
            return read.bookmarks;
          }),
        }
      : given;
  const graphSync: AfterCommitOptions = { waitForGraph, onWaited: (wait) => graphWaits.push(wait) };
  return withLazyLoaders({ deps, requestId, access, log, waitForGraph, graphSync, graphWaits }, deps, access.organizationScope);
}

export function waitForGraphOf(header: string | string[] | undefined, fallback: boolean): boolean {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  if (value === "wait") return true;
  if (value === "async") return false;
  return fallback;
}

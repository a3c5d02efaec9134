import type { Logger } from "pino";
import type { GatewayDeps } from "../http/deps.ts";
import { createLoaders, type Loaders } from "../postgres/loaders.ts";

/** Everything a resolver may touch for one request; built fresh per request. */
export interface GatewayContext {
  readonly deps: GatewayDeps;
  readonly requestId: string;
  readonly log: Logger;
  readonly loaders: Loaders;
  /** Whether this request's mutations wait for the graph: `x-graph-sync: wait|async`, else GRAPH_SYNC_WAIT. */
  readonly waitForGraph: boolean;
}

export interface RequestInfo {
  readonly requestId: string;
  readonly headers: { get(name: string): string | undefined };
}

export function createContext(deps: GatewayDeps, { requestId, headers }: RequestInfo): GatewayContext {
  return {
    deps,
    requestId,
    log: deps.logger.child({ requestId }),
    loaders: createLoaders(deps.prisma),
    waitForGraph: waitForGraphOf(headers.get("x-graph-sync"), deps.config.graphSync.waitForGraph),
  };
}

function waitForGraphOf(header: string | undefined, fallback: boolean): boolean {
  const value = header?.trim().toLowerCase();
  if (value === "wait") return true;
  if (value === "async") return false;
  return fallback;
}

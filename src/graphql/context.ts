import type { Logger } from "pino";
import { createGraphLoaders, type GraphLoaders } from "../graph/graphLoaders.ts";
import type { GatewayDeps } from "../http/deps.ts";
import { createLoaders, type Loaders } from "../postgres/loaders.ts";

/** Everything a resolver may touch for one request; built fresh per request. */
export interface GatewayContext {
  readonly deps: GatewayDeps;
  readonly requestId: string;
  readonly log: Logger;
  readonly loaders: Loaders;
  readonly graphLoaders: GraphLoaders;
}

export function createContext(deps: GatewayDeps, requestId: string): GatewayContext {
  return {
    deps,
    requestId,
    log: deps.logger.child({ requestId }),
    loaders: createLoaders(deps.prisma),
    graphLoaders: createGraphLoaders(deps.graph),
  };
}

import type { Logger } from "pino";
import type { Access } from "../auth/access.ts";
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
  /** The caller's tenancy and role; resolvers ask it before reading or writing. */
  readonly access: Access;
}

export function createContext(deps: GatewayDeps, requestId: string, access: Access): GatewayContext {
  return {
    deps,
    requestId,
    access,
    log: deps.logger.child({ requestId }),
    loaders: createLoaders(deps.prisma),
    graphLoaders: createGraphLoaders(deps.graph),
  };
}

import { createDeps, type DepsOptions, type OwnedDeps } from "../../src/gateway/createDeps.ts";
import { createLogger } from "../../src/observability/createLogger.ts";
import type { BenchStores } from "../benchStores.ts";

/** A gateway's dependencies for a benchmark, as createDeps builds them: the bench's own stores, silent logs, no authentication. */
export function benchDeps(stores: Pick<BenchStores, "config" | "neo4jUri">, databaseUrl: string, options: Partial<DepsOptions> = {}): OwnedDeps {
  return createDeps({ config: stores.config, logger: createLogger("silent"), databaseUrl, neo4jUri: stores.neo4jUri, ...options });
}

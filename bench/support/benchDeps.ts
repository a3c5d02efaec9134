import type { GatewayDeps } from "../../src/http/deps.ts";
import { createLogger } from "../../src/observability/createLogger.ts";
import { createMetricsRegistry } from "../../src/observability/metricsRegistry.ts";
import { queueOnlySync } from "../../src/sync/graphSync.ts";

/** A gateway's dependencies for a benchmark: its own databases, silent logs, no authentication. */
export function benchDeps(parts: Pick<GatewayDeps, "config" | "prisma" | "sql" | "graph"> & Partial<GatewayDeps>): GatewayDeps {
  return {
    logger: createLogger("silent"),
    sync: queueOnlySync,
    metrics: createMetricsRegistry(),
    verifyToken: null,
    devToken: null,
    ...parts,
  };
}

// The seed plan's graph health check (GET /v1/health/graph), plus capacity against the graph
// tier's limits: Aura Free stops accepting writes at its node and relationship caps, so an
// operator must hear about 80% long before the sync starts failing.
import type { Driver } from "neo4j-driver";
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";

export type CapacityState = "ok" | "warning" | "exceeded";

export interface GraphCapacity {
  readonly node_limit: number;
  readonly relationship_limit: number;
  readonly nodes_used_percent: number;
  readonly relationships_used_percent: number;
  readonly state: CapacityState;
}

export type GraphHealthReport =
  | { readonly status: "disabled"; readonly message: string }
  | { readonly status: "unhealthy"; readonly database: string; readonly error: string }
  | {
      readonly status: "healthy";
      readonly database: string;
      readonly node_count: number;
      readonly relationship_count: number;
      readonly stats_by_label: ReadonlyArray<{ readonly label: string; readonly count: number }>;
      readonly capacity: GraphCapacity;
    };

export const CAPACITY_WARNING_RATIO = 0.8;

/* graphStats: apoc.meta.stats reads Neo4j's count store, so it is O(labels), not O(nodes). */
const GRAPH_STATS = `
CALL apoc.meta.stats() YIELD labels, nodeCount, relCount
RETURN nodeCount AS nodeCount, relCount AS relCount, labels`;

export async function readGraphHealth(deps: Pick<GatewayDeps, "graph" | "config">): Promise<GraphHealthReport> {
  if (!deps.graph) return { status: "disabled", message: "Graph database not configured" };
  const { driver, database } = deps.graph;
  try {
    const stats = await readStats(driver, database);
    return { status: "healthy", database, ...stats, capacity: capacity(stats, deps.config.graphCapacity) };
  } catch (error) {
    return { status: "unhealthy", database, error: firstLine(error) };
  }
}

async function readStats(driver: Driver, database: string) {
  const { records } = await driver.executeQuery(GRAPH_STATS, {}, { database, routing: "READ" });
  const row = records[0]!;
  const labels = row.get("labels") as Record<string, number>;
  return {
    node_count: Number(row.get("nodeCount")),
    relationship_count: Number(row.get("relCount")),
    stats_by_label: Object.entries(labels)
      .map(([label, count]) => ({ label, count: Number(count) }))
      .filter((s) => s.count > 0)
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}

export function capacity(
  counts: { node_count: number; relationship_count: number },
  limits: { nodeLimit: number; relationshipLimit: number },
): GraphCapacity {
  const nodes = counts.node_count / limits.nodeLimit;
  const relationships = counts.relationship_count / limits.relationshipLimit;
  const worst = Math.max(nodes, relationships);
  return {
    node_limit: limits.nodeLimit,
    relationship_limit: limits.relationshipLimit,
    nodes_used_percent: round1(nodes * 100),
    relationships_used_percent: round1(relationships * 100),
    state: worst >= 1 ? "exceeded" : worst >= CAPACITY_WARNING_RATIO ? "warning" : "ok",
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split("\n")[0]!;

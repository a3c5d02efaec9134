// GET /ready: may a load balancer send this replica traffic? Postgres must answer with every
// migration in prisma/migrations applied, the graph must answer or be deliberately disabled, and a
// graph this start seeded (the demo data, src/demo/seedDemoIntoGraph.ts) must have caught up, so
// no one is sent to a gateway whose graph fields would answer empty for data Postgres already has.
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { migrationState, type MigrationState } from "../postgres/migrationState.ts";
import { graphStatus, type GraphStatus } from "./checkHealth.ts";

export interface Readiness {
  readonly ready: boolean;
  readonly postgres: MigrationState;
  readonly graph: GraphStatus;
  /** The graph has yet to apply what this start seeded. */
  readonly graphCatchingUp: boolean;
}

export async function readiness(deps: Pick<GatewayDeps, "prisma" | "graph" | "graphCatchUp">): Promise<Readiness> {
  const [postgres, graph, graphCatchingUp] = await Promise.all([
    migrationState(deps.prisma),
    graphStatus(deps),
    // Unknown (Postgres not answering) counts as catching up: not ready either way.
    deps.graphCatchUp?.pending().catch(() => true) ?? false,
  ]);
  return { ready: postgres === "ready" && graph !== "UNHEALTHY" && !graphCatchingUp, postgres, graph, graphCatchingUp };
}

// GET /ready: may a load balancer send this replica traffic? Postgres must answer with every
// migration in prisma/migrations applied, and the graph must answer or be deliberately disabled.
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { migrationState, type MigrationState } from "../postgres/migrationState.ts";
import { graphStatus, type GraphStatus } from "./checkHealth.ts";

export interface Readiness {
  readonly ready: boolean;
  readonly postgres: MigrationState;
  readonly graph: GraphStatus;
}

export async function readiness(deps: Pick<GatewayDeps, "prisma" | "graph">): Promise<Readiness> {
  const [postgres, graph] = await Promise.all([migrationState(deps.prisma), graphStatus(deps)]);
  return { ready: postgres === "ready" && graph !== "UNHEALTHY", postgres, graph };
}

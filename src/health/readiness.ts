// GET /ready: may a load balancer send this replica traffic? Postgres must answer with every
// migration in prisma/migrations applied and every capture trigger in place and enabled (else writes
// would never reach the graph), the graph must answer or be deliberately disabled, and a graph this
// start seeded (the demo data, src/demo/seedDemoIntoGraph.ts) must have caught up, so no one is sent
// to a gateway whose graph fields would answer empty for data Postgres already has.
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { readCaptureState, type CaptureState } from "../outbox/captureTriggers.ts";
import { migrationState, type MigrationState } from "../postgres/migrationState.ts";
import { graphStatus, type GraphStatus } from "./checkHealth.ts";

export interface Readiness {
  readonly ready: boolean;
  readonly postgres: MigrationState;
  /** Null while Postgres is not migrated or does not answer: then nothing can be said of the triggers. */
  readonly capture: CaptureState | null;
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
  const capture = postgres === "ready" ? await readCaptureState(deps.prisma).catch(() => null) : null;
  return {
    ready: postgres === "ready" && capture?.ready === true && graph !== "UNHEALTHY" && !graphCatchingUp,
    postgres,
    capture,
    graph,
    graphCatchingUp,
  };
}

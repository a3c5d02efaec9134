// GET /ready: may a load balancer send this replica traffic? Postgres must answer with every
// migration in prisma/migrations applied and every capture trigger in place and enabled (else writes
// would never reach the graph), and the graph must answer or be deliberately disabled.
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
}

export async function readiness(deps: Pick<GatewayDeps, "prisma" | "graph">): Promise<Readiness> {
  const [postgres, graph] = await Promise.all([migrationState(deps.prisma), graphStatus(deps)]);
  const capture = postgres === "ready" ? await readCaptureState(deps.prisma).catch(() => null) : null;
  return { ready: postgres === "ready" && capture?.ready === true && graph !== "UNHEALTHY", postgres, capture, graph };
}

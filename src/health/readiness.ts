// GET /ready: may a load balancer send this replica traffic? Postgres must answer with every
// migration in prisma/migrations applied, and the graph must answer or be deliberately disabled.
import fs from "node:fs";
import path from "node:path";
import type { GatewayDeps } from "../http/deps.ts";
import { projectRoot } from "../stack/paths.ts";
import { graphStatus, type GraphStatus } from "./checkHealth.ts";

export interface Readiness {
  readonly ready: boolean;
  readonly postgres: "ready" | "unreachable" | "not_migrated";
  readonly graph: GraphStatus;
}

const migrationNames = (): string[] =>
  fs
    .readdirSync(path.join(projectRoot, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

export async function readiness(deps: Pick<GatewayDeps, "prisma" | "graph">): Promise<Readiness> {
  const [postgres, graph] = await Promise.all([postgresReadiness(deps), graphStatus(deps)]);
  return { ready: postgres === "ready" && graph !== "UNHEALTHY", postgres, graph };
}

async function postgresReadiness({ prisma }: Pick<GatewayDeps, "prisma">): Promise<Readiness["postgres"]> {
  let applied: Array<{ migration_name: string }>;
  try {
    applied = await prisma.$queryRaw`/* appliedMigrations */
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch (error) {
    // 42P01: the migrations table does not exist yet, so nothing was ever migrated.
    return (error as { meta?: { code?: string } }).meta?.code === "42P01" ? "not_migrated" : "unreachable";
  }
  const done = new Set(applied.map((m) => m.migration_name));
  return migrationNames().every((name) => done.has(name)) ? "ready" : "not_migrated";
}

import type { GatewayDeps } from "../gateway/gatewayDeps.ts";

export type GraphStatus = "HEALTHY" | "DISABLED" | "UNHEALTHY";

export async function postgresAnswers({ prisma }: Pick<GatewayDeps, "prisma">): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

export async function graphStatus({ graph }: Pick<GatewayDeps, "graph">): Promise<GraphStatus> {
  if (!graph) return "DISABLED";
  try {
    await graph.driver.verifyConnectivity({ database: graph.database });
    return "HEALTHY";
  } catch {
    return "UNHEALTHY";
  }
}

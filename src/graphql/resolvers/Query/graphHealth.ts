import type { QueryResolvers } from "../../../generated/graphql.ts";
import { UnreachableCaseError } from "../../../errors/UnreachableCaseError.ts";
import { readGraphHealth } from "../../../health/readGraphHealth.ts";

export const graphHealth: NonNullable<QueryResolvers["graphHealth"]> = async (_parent, _args, { deps }) => {
  const report = await readGraphHealth(deps);
  switch (report.status) {
    case "disabled":
      return { status: report.status, message: report.message };
    case "unhealthy":
      return { status: report.status, database: report.database, message: report.error };
    case "healthy":
      return {
        status: report.status,
        database: report.database,
        nodeCount: report.node_count,
        relationshipCount: report.relationship_count,
        statsByLabel: [...report.stats_by_label],
        capacity: {
          nodeLimit: report.capacity.node_limit,
          relationshipLimit: report.capacity.relationship_limit,
          nodesUsedPercent: report.capacity.nodes_used_percent,
          relationshipsUsedPercent: report.capacity.relationships_used_percent,
          state: report.capacity.state,
        },
      };
    default:
      throw new UnreachableCaseError(report);
  }
};

import type { QueryResolvers } from "../../../generated/graphql.ts";
import { graphStatus, postgresAnswers } from "../../../health/checkHealth.ts";

export const health: NonNullable<QueryResolvers["health"]> = async (_parent, _args, { deps }) => ({
  postgres: await postgresAnswers(deps),
  graph: await graphStatus(deps),
});

import type { Resolvers } from "../generated/graphql.ts";
import { graphStatus, postgresAnswers } from "./checkHealth.ts";

export const healthResolvers: Resolvers = {
  Query: {
    health: async (_parent, _args, { deps }) => ({
      postgres: await postgresAnswers(deps),
      graph: await graphStatus(deps),
    }),
  },
};

import type { Resolvers } from "../../../generated/graphql.ts";
import { backfillGraph } from "./backfillGraph.ts";
import { reconcileGraph } from "./reconcileGraph.ts";

export const backfillResolvers: Resolvers = { Mutation: { backfillGraph, reconcileGraph } };

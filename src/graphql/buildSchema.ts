// One executable schema from the SDL in schema/ and each domain's resolvers.
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { healthResolvers } from "../health/resolvers.ts";
import { loadSdl } from "./loadSdl.ts";
import { backfillResolvers } from "./resolvers/backfill/backfillResolvers.ts";
import { syncResolvers } from "./resolvers/sync/syncResolvers.ts";
import { scalarResolvers } from "./scalars.ts";

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadSdl(),
    resolvers: [scalarResolvers, healthResolvers, syncResolvers, backfillResolvers],
  });
}

// One executable schema: the contract (SDL in schema/ and each domain's resolvers) merged with the
// @neo4j/graphql read API over schema/graph/, so the playground shows one schema. The generated
// half's type names all start with Graph, so nothing in it collides with the contract.
import { makeExecutableSchema, mergeSchemas } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { buildGraphApiSchema } from "../graph/api/buildGraphApiSchema.ts";
import { healthResolvers } from "../health/resolvers.ts";
import type { GatewayDeps } from "../http/deps.ts";
import { relationshipResolvers } from "./resolvers/relationships/index.ts";
import { guardForeignBrands } from "./guardForeignBrands.ts";
import { loadSdl } from "./loadSdl.ts";
import { crudResolvers } from "./resolvers/crud/crudResolvers.ts";
import { backfillResolvers } from "./resolvers/backfill/backfillResolvers.ts";
import { syncResolvers } from "./resolvers/sync/syncResolvers.ts";
import { scalarResolvers } from "./scalars.ts";

export async function buildSchema(deps: Pick<GatewayDeps, "graph">): Promise<GraphQLSchema> {
  const contract = makeExecutableSchema({
    typeDefs: loadSdl(),
    resolvers: [scalarResolvers, healthResolvers, ...crudResolvers, relationshipResolvers, syncResolvers, backfillResolvers],
  });
  return mergeSchemas({ schemas: [guardForeignBrands(contract), await buildGraphApiSchema(deps.graph)] });
}

// One executable schema: the contract (SDL in schema/ and its resolvers) merged with the
// @neo4j/graphql read API over schema/graph/, so the playground shows one schema. The generated
// half's type names all start with Graph, so nothing in it collides with the contract.
import { makeExecutableSchema, mergeSchemas } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { brandGraphLinkResolvers, brandGraphLinkTypeDefs } from "./brandGraphLink.ts";
import { buildGraphApiSchema } from "./graphApi/buildGraphApiSchema.ts";
import { guardPlatformOperator } from "./guardPlatformOperator.ts";
import { loadSdl } from "./loadSdl.ts";
import { resolvers } from "./resolvers/index.ts";

export async function buildSchema(graph: GraphConnection | null): Promise<GraphQLSchema> {
  const contract = makeExecutableSchema({ typeDefs: loadSdl(), resolvers });
  const graphApi = await buildGraphApiSchema(graph);
  return guardPlatformOperator(
    mergeSchemas({ schemas: [contract, graphApi], typeDefs: brandGraphLinkTypeDefs, resolvers: brandGraphLinkResolvers(graphApi) }),
  );
}

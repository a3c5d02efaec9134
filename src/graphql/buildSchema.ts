// One executable schema: the contract (SDL in schema/ and each domain's resolvers) merged with the
// @neo4j/graphql read API over schema/graph/, so the playground shows one schema. The generated
// half's type names all start with Graph, so nothing in it collides with the contract.
import { makeExecutableSchema, mergeSchemas } from "@graphql-tools/schema";
import type { IResolvers } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import { buildGraphApiSchema } from "../graph/api/buildGraphApiSchema.ts";
import { healthResolvers } from "../health/resolvers.ts";
import type { GatewayDeps } from "../http/deps.ts";
import { relationshipResolvers } from "./resolvers/relationships/index.ts";
import { loadSdl } from "./loadSdl.ts";
import { scalarResolvers } from "./scalars.ts";

/** SDL and resolvers added on top of the contract; used by tests and the benchmark only. */
export interface SchemaExtension {
  readonly typeDefs: string;
  readonly resolvers: IResolvers;
}

export async function buildSchema(
  deps: Pick<GatewayDeps, "graph">,
  extensions: readonly SchemaExtension[] = [],
): Promise<GraphQLSchema> {
  const contract = makeExecutableSchema({
    typeDefs: [...loadSdl(), ...extensions.map((e) => e.typeDefs)],
    resolvers: [scalarResolvers, healthResolvers, relationshipResolvers, ...extensions.map((e) => e.resolvers)],
  });
  return mergeSchemas({ schemas: [contract, await buildGraphApiSchema(deps.graph)] });
}

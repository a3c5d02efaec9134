// One executable schema: the contract (SDL in schema/ and its resolvers) stitched with the
// @neo4j/graphql read API over schema/graph/, so the playground shows one schema. The generated
// half's type names all start with Graph, so nothing in it collides with the contract. The
// contract is the gateway's own types and resolvers, run directly; only the generated half is a
// subschema reached by delegation. Stitching (rather than merging) lets a field added between the
// halves name the generated fields it needs (brandGraphLink.ts), which every delegation into the
// generated half then selects.
import { stitchSchemas } from "@graphql-tools/stitch";
import type { GraphQLSchema } from "graphql";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { brandGraphLinkResolvers, brandGraphLinkTypeDefs } from "./brandGraphLink.ts";
import { buildGraphApiSchema } from "./graphApi/buildGraphApiSchema.ts";
import { guardPlatformOperator } from "./guardPlatformOperator.ts";
import { loadSdl } from "./loadSdl.ts";
import { resolvers } from "./resolvers/index.ts";

export async function buildSchema(graph: GraphConnection | null): Promise<GraphQLSchema> {
  const graphApi = await buildGraphApiSchema(graph);
  return guardPlatformOperator(
    stitchSchemas({
      subschemas: [graphApi],
      typeDefs: [...loadSdl(), brandGraphLinkTypeDefs],
      resolvers: [resolvers, brandGraphLinkResolvers(graphApi)],
    }),
  );
}

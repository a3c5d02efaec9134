// The @neo4j/graphql-generated read API over schema/graph/ (filters, sorting, connections,
// aggregations) for exploring the graph in the playground. It is read-only: every type in the SDL
// carries @mutation(operations: []), so no Mutation root is generated at all.
//
// Its helper types (PageInfo, DateTime, SortDirection, *ScalarFilters, …) are renamed with a
// Graph prefix, through a wrapping (delegating) schema: the generated resolvers look types up by
// their original names, and the contract already owns PageInfo and DateTime with other shapes.
import path from "node:path";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { RenameTypes, wrapSchema } from "@graphql-tools/wrap";
import { getNullableType, type GraphQLSchema } from "graphql";
import type { GraphConnection } from "../../graph/graphConnection.ts";
import { loadSdl } from "../loadSdl.ts";
import { projectRoot } from "../../stack/paths.ts";
import { guardGraphResolver } from "./guardGraphResolver.ts";

const KEPT_NAMES = new Set(["Query", "Mutation", "Subscription", "String", "Int", "Float", "Boolean", "ID"]);

// A new API has no clients of the deprecated filter spellings (name_EQ, …); they only clutter it.
const FEATURES = {
  excludeDeprecatedFields: {
    mutationOperations: true,
    aggregationFilters: true,
    aggregationFiltersOutsideConnection: true,
    relationshipFilters: true,
    attributeFilters: true,
  },
};

const graphTypeName = (name: string) => (KEPT_NAMES.has(name) || name.startsWith("Graph") ? name : `Graph${name}`);

/** The library over schema/graph/; also what checkNeo4jCompat() is asked through. */
export function createNeo4jGraphQL(graph: GraphConnection | null): Neo4jGraphQL {
  const typeDefs = loadSdl(path.join(projectRoot, "schema", "graph"));
  return new Neo4jGraphQL({ typeDefs, driver: graph?.driver, features: FEATURES });
}

/** Builds without connecting; with no graph, every generated field answers GRAPH_UNAVAILABLE. */
export async function buildGraphApiSchema(graph: GraphConnection | null): Promise<GraphQLSchema> {
  const generated = await createNeo4jGraphQL(graph).getSchema();
  const guarded = mapSchema(generated, {
    [MapperKind.ROOT_FIELD]: (field) => ({ ...field, resolve: guardGraphResolver(field.resolve) }),
  });
  const renamed = wrapSchema({ schema: guarded, transforms: [new RenameTypes(graphTypeName)] });
  // Generated root fields are non-null lists; nullable here, a failing one (GRAPH_UNAVAILABLE)
  // nulls itself instead of the whole response, so the Postgres fields beside it still answer.
  return mapSchema(renamed, {
    [MapperKind.ROOT_FIELD]: (field) => ({ ...field, type: getNullableType(field.type) }),
  });
}

// The @neo4j/graphql-generated read API over schema/graph/ (filters, sorting, connections,
// aggregations) for every tenant's frontend and the playground. It is read-only: every type in the
// SDL carries @mutation(operations: []), so no Mutation root is generated at all.
//
// Tenancy is the library's own @authorization filter on each tenant type, evaluated on the claims
// guardGraphResolver hands it. The library is built twice from the same SDL: with those rules for
// an organization's callers, and without them for a caller who may see every organization
// (authentication off). One rule "own organization OR every organization" would serve both, but
// Neo4j cannot seek an index for a disjunction with a parameter test: a tenant's graphAssets would
// scan every asset (on the medium data set 66 ms instead of 6 ms, totalCount 119 ms instead of 5).
//
// Its helper types (PageInfo, DateTime, SortDirection, *ScalarFilters, …) are renamed with a
// Graph prefix, by a renaming transform on delegation: the generated resolvers look types up by
// their original names, and the contract already owns PageInfo and DateTime with other shapes.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import type { SubschemaConfig } from "@graphql-tools/delegate";
import { RenameTypes } from "@graphql-tools/wrap";
import { getNullableType, parse, print, visit } from "graphql";
import type { GraphConnection } from "../../graph/graphConnection.ts";
import { loadSdl } from "../loadSdl.ts";
import { projectRoot } from "../../stack/paths.ts";
import { guardGraphResolver } from "./guardGraphResolver.ts";
import type { GatewayContext } from "../context.ts";

const KEPT_NAMES = new Set(["Query", "Mutation", "Subscription", "String", "Int", "Float", "Boolean", "ID"]);

const FEATURES = {
  // The gateway verifies tokens itself (src/auth/) and hands the library the claims as a trusted
  // `jwt` on every request; the library never decodes a token. Configuring authorization only
  // tells it the @authorization rules are meant (else it warns at every start); the key is a
  // random secret no token was ever signed with, so no token could pass it anyway.
  authorization: { key: randomBytes(32).toString("hex") },
  // A new API has no clients of the deprecated filter spellings (name_EQ, …); they only clutter it.
  excludeDeprecatedFields: {
    mutationOperations: true,
    aggregationFilters: true,
    aggregationFiltersOutsideConnection: true,
    relationshipFilters: true,
    attributeFilters: true,
  },
};

const graphTypeName = (name: string) => (KEPT_NAMES.has(name) || name.startsWith("Graph") ? name : `Graph${name}`);

/** The SDL without its @authorization rules: the same types, for a caller who may see every organization. */
const withoutAuthorization = (sdl: string) =>
  print(visit(parse(sdl), { Directive: (node) => (node.name.value === "authorization" ? null : undefined) }));

/**
 * The library over schema/graph/, with its tenant rules unless `everyOrganization`; also what
 * checkNeo4jCompat() is asked through.
 */
export function createNeo4jGraphQL(graph: GraphConnection | null, { everyOrganization = false } = {}): Neo4jGraphQL {
  const sdl = loadSdl(path.join(projectRoot, "schema", "graph"));
  const typeDefs = everyOrganization ? sdl.map(withoutAuthorization) : sdl;
  return new Neo4jGraphQL({ typeDefs, driver: graph?.driver, features: FEATURES });
}

/** The generated half as stitched: its schema and the transforms delegation applies to it. */
export type GraphSubschema = SubschemaConfig<unknown, unknown, unknown, GatewayContext>;

/**
 * Builds without connecting; with no graph, every generated field answers GRAPH_UNAVAILABLE. A
 * subschema (the library's schema and the renaming), not a wrapped schema: buildSchema stitches it
 * beside the contract, so fields added where the halves meet can ask for the generated fields they
 * need (GraphBrand.brand needs brandId) whatever the client selected.
 */
export async function buildGraphApiSchema(graph: GraphConnection | null): Promise<GraphSubschema> {
  const [scoped, unscoped] = await Promise.all([
    createNeo4jGraphQL(graph).getSchema(),
    createNeo4jGraphQL(graph, { everyOrganization: true }).getSchema(),
  ]);
  const unscopedFields = unscoped.getQueryType()!.getFields();
  const guarded = mapSchema(scoped, {
    [MapperKind.ROOT_FIELD]: (field, fieldName) => ({
      ...field,
      // Generated root fields are non-null lists; nullable here, a failing one (GRAPH_UNAVAILABLE)
      // nulls itself instead of the whole response, so the Postgres fields beside it still answer.
      type: getNullableType(field.type),
      resolve: guardGraphResolver({ organization: field.resolve, everyOrganization: unscopedFields[fieldName]?.resolve }),
    }),
  });
  return { schema: guarded, transforms: [new RenameTypes(graphTypeName)] };
}

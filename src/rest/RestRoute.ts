import type { Access } from "../auth/access.ts";
import type { PatternSettings } from "../config/config.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { RequestLoaders } from "../relationships/relationshipReads.ts";

export interface RestRequest {
  /** Decoded path parameters, in the order the route's pattern captures them. */
  readonly params: string[];
  readonly query: URLSearchParams;
  readonly graph: GraphConnection | null;
  readonly sql: Sql;
  /** k and the other pattern settings, for the industry routes. */
  readonly patterns: PatternSettings;
  /** The caller's tenancy, as for GraphQL. */
  readonly access: Access;
  /** This request's loaders: the relationship reads take them, as GraphQL's resolvers do. */
  readonly reads: RequestLoaders;
}

/** A GET route: its path pattern and a handler returning the JSON body of a 200. */
export interface RestRoute {
  readonly pattern: RegExp;
  handle(request: RestRequest): Promise<unknown>;
}

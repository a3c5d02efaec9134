import type { Access } from "../auth/access.ts";
import type { GraphConnection } from "../http/deps.ts";
import type { Sql } from "../postgres/createPrisma.ts";

export interface RestRequest {
  /** Decoded path parameters, in the order the route's pattern captures them. */
  readonly params: string[];
  readonly query: URLSearchParams;
  readonly graph: GraphConnection | null;
  readonly sql: Sql;
  /** The caller's tenancy, as for GraphQL. */
  readonly access: Access;
}

/** A GET route: its path pattern and a handler returning the JSON body of a 200. */
export interface RestRoute {
  readonly pattern: RegExp;
  handle(request: RestRequest): Promise<unknown>;
}

import type { GraphConnection } from "../http/deps.ts";

export interface RestRequest {
  /** Decoded path parameters, in the order the route's pattern captures them. */
  readonly params: string[];
  readonly query: URLSearchParams;
  readonly graph: GraphConnection | null;
}

/** A GET route: its path pattern and a handler returning the JSON body of a 200. */
export interface RestRoute {
  readonly pattern: RegExp;
  handle(request: RestRequest): Promise<unknown>;
}

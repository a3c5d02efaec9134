import type { Neo4jGraphQLContext } from "@neo4j/graphql";
import type { GraphQLFieldResolver } from "graphql";
import { graphUnavailable } from "../../errors/codes.ts";
import type { GatewayContext } from "../context.ts";
import { isGraphUnavailableError } from "../../graph/isGraphUnavailableError.ts";
import { graphJwt } from "./graphJwt.ts";

/**
 * Runs a generated root field against this request's graph, or fails it with GRAPH_UNAVAILABLE
 * when the graph is disabled or does not answer, exactly like the hand-written graph fields.
 * The generated API is admin only: its filters reach every node (Colors and Assets carry no
 * organization), so it is an operator's exploration tool, not a tenant's API.
 */
export function guardGraphResolver(
  resolve: GraphQLFieldResolver<unknown, GatewayContext & Neo4jGraphQLContext> | undefined,
): GraphQLFieldResolver<unknown, GatewayContext> {
  if (!resolve) throw new Error("A generated @neo4j/graphql root field has no resolver");
  return async (source, args, context, info) => {
    context.access.assertAdmin();
    const graph = context.deps.graph;
    if (!graph) throw graphUnavailable();
    try {
      // @neo4j/graphql reads its options from the context; a copy keeps ours untouched.
      const options = { sessionConfig: { database: graph.database }, jwt: graphJwt(context.access) };
      return await resolve(source, args, { ...context, ...options }, info);
    } catch (error) {
      throw isGraphUnavailableError(error) ? graphUnavailable(error) : error;
    }
  };
}

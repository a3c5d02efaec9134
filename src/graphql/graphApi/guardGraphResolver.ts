import type { Neo4jGraphQLContext } from "@neo4j/graphql";
import type { GraphQLFieldResolver } from "graphql";
import { graphUnavailable } from "../../errors/codes.ts";
import type { GatewayContext } from "../context.ts";
import { isGraphUnavailableError } from "../../graph/isGraphUnavailableError.ts";
import { graphJwt } from "./graphJwt.ts";
import { requestDriver } from "./requestDriver.ts";

type GeneratedResolver = GraphQLFieldResolver<unknown, GatewayContext & Neo4jGraphQLContext> | undefined;

/** One generated root field as each library build resolves it (buildGraphApiSchema.ts). */
export interface GeneratedResolvers {
  /** With the tenant rules: for a caller of one organization. */
  readonly organization: GeneratedResolver;
  /** Without them: for a caller who may see every organization (authentication off). */
  readonly everyOrganization: GeneratedResolver;
}

/**
 * Runs a generated root field against this request's graph, or fails it with GRAPH_UNAVAILABLE
 * when the graph is disabled or does not answer, exactly like the hand-written graph fields.
 * Every role may ask: what a caller sees is decided inside the generated Cypher, by the tenant
 * types' @authorization rules on the claims handed over here as `jwt`, at every depth. Both builds
 * have the same types, so either resolver reads the selection from `info` alike.
 */
export function guardGraphResolver({ organization, everyOrganization }: GeneratedResolvers): GraphQLFieldResolver<unknown, GatewayContext> {
  if (!organization || !everyOrganization) throw new Error("A generated @neo4j/graphql root field has no resolver in both builds");
  return async (source, args, context, info) => {
    const graph = context.deps.graph;
    if (!graph) throw graphUnavailable();
    const resolve = context.access.organizationScope === null ? everyOrganization : organization;
    try {
      const bookmarks = graph.readBookmarks ? await graph.readBookmarks() : undefined;
      // @neo4j/graphql reads its options from the context; a copy keeps ours untouched.
      // `transaction.timeout`: Neo4j ends the generated statement at the request's graph read limit.
      const options = {
        executionContext: requestDriver(graph, bookmarks),
        sessionConfig: { database: graph.database },
        jwt: graphJwt(context.access),
        ...(graph.readTimeoutMs ? { transaction: { timeout: graph.readTimeoutMs } } : {}),
      };
      return await resolve(source, args, { ...context, ...options }, info);
    } catch (error) {
      throw isGraphUnavailableError(error) ? graphUnavailable(error) : error;
    }
  };
}

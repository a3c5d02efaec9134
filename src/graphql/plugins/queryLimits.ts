// Cost limits on every operation: depth, aliases and estimated cost, checked once the operation is
// resolved (so the caller's variables count) with GraphQL Armor's rules. A rejection is one
// QUERY_TOO_COMPLEX error naming the limit, with HTTP 400, before any resolver runs.
import type { ApolloServerPlugin } from "@apollo/server";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { GraphQLError, validate, type GraphQLSchema } from "graphql";
import type { Config } from "../../config/config.ts";
import { ErrorCode } from "../../errors/codes.ts";
import { perDocument } from "./perDocument.ts";

/** The limits as validation rules; subscriptions over WebSocket check them too (http/subscriptionServer.ts). */
export const queryLimitRules = (limits: Config["queryLimits"]) => [
  maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, propagateOnRejection: true }),
  maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: true }),
  costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, propagateOnRejection: true }),
];

export function queryLimitsPlugin(limits: Config["queryLimits"]): ApolloServerPlugin {
  const rules = queryLimitRules(limits);
  let schema: GraphQLSchema;
  const violationOf = perDocument((document) => firstViolation(() => validate(schema, document, rules)));
  return {
    async serverWillStart({ schema: served }) {
      schema = served;
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          const violation = violationOf(document);
          if (!violation) return;
          throw new GraphQLError(violation.replace(/^Syntax Error: /, ""), {
            extensions: { code: ErrorCode.QueryTooComplex, http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** Armor's rules throw on the first violation rather than report it; accept either. */
export function firstViolation(run: () => readonly GraphQLError[]): string | undefined {
  try {
    return run()[0]?.message;
  } catch (error) {
    if (error instanceof GraphQLError) return error.message;
    throw error;
  }
}

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
import { documentNestsDeeper, MAX_NESTING } from "../../domain/nesting.ts";

export function queryLimitsPlugin(limits: Config["queryLimits"]): ApolloServerPlugin {
  const rules = [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, propagateOnRejection: true }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: true }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, propagateOnRejection: true }),
  ];
  let schema: GraphQLSchema;
  // Armor's rules recurse through fragment spreads: the nesting bound is checked first, iteratively.
  const violationOf = perDocument((document) =>
    documentNestsDeeper(document)
      ? `Query nests deeper than ${MAX_NESTING} levels (fragment spreads followed)`
      : firstViolation(() => validate(schema, document, rules)),
  );
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
function firstViolation(run: () => readonly GraphQLError[]): string | undefined {
  try {
    return run()[0]?.message;
  } catch (error) {
    if (error instanceof GraphQLError) return error.message;
    throw error;
  }
}

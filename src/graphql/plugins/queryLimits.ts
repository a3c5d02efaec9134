// Cost limits on every operation: depth, aliases and estimated cost, checked once the operation is
// resolved with GraphQL Armor's rules. A rejection is one QUERY_TOO_COMPLEX error naming the limit,
// with HTTP 400, before any resolver runs.
//
// A list left at a size its schema declares (declaredListSizes.ts) costs that size.
//
// Armor multiplies a list's cost by its `first`/`last` argument only when that is a literal, so
// `first: $n` would count as one item. The operation's variable values (or their defaults) are
// therefore written into the document as literals before the rules run: a list costs the same
// however its size is passed, in the operation or in any fragment it spreads.
import type { ApolloServerPlugin } from "@apollo/server";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { GraphQLError, Kind, validate, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { Config } from "../../config/config.ts";
import { ErrorCode } from "../../errors/codes.ts";
import { documentNestsDeeper, MAX_NESTING } from "../../domain/nesting.ts";
import { withDeclaredListSizes } from "./declaredListSizes.ts";
import { perDocument } from "./perDocument.ts";

/** The limits as validation rules; subscriptions over WebSocket check them too (http/subscriptionServer.ts). */
export const queryLimitRules = (limits: Config["queryLimits"]) => [
  maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, propagateOnRejection: true }),
  maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: true }),
  costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, propagateOnRejection: true }),
];
/** The arguments Armor's cost rule reads as a list's size. */
const LIST_SIZE_ARGUMENTS = new Set(["first", "last"]);
/** Distinct size combinations remembered per document; more are recomputed, never stored. */
const SIZES_REMEMBERED = 32;

export function queryLimitsPlugin(limits: Config["queryLimits"]): ApolloServerPlugin {
  const rules = queryLimitRules(limits);
  let schema: GraphQLSchema;
  const check = (document: DocumentNode) => firstViolation(() => validate(schema, document, rules));
  // Armor's rules recurse through fragment spreads: the nesting bound is checked first, iteratively.
  const tooDeep = perDocument((document) => documentNestsDeeper(document));
  const sized = perDocument((document) => withDeclaredListSizes(schema, document));
  const sizingVariables = perDocument(variablesSizingLists);
  const literalViolation = perDocument(check);
  const violationsBySizes = new WeakMap<DocumentNode, Map<string, string | undefined>>();

  const violationOf = (asked: DocumentNode, operation: OperationDefinitionNode | null, variables: Record<string, unknown>) => {
    if (tooDeep(asked)) return `Query nests deeper than ${MAX_NESTING} levels (fragment spreads followed)`;
    const document = sized(asked);
    const names = sizingVariables(document);
    if (names.size === 0) return literalViolation(document);
    const sizes = listSizes(names, operation, variables);
    const key = JSON.stringify([...sizes]);
    const known = violationsBySizes.get(document) ?? new Map<string, string | undefined>();
    violationsBySizes.set(document, known);
    if (known.has(key)) return known.get(key);
    const violation = check(withListSizes(document, sizes));
    if (known.size < SIZES_REMEMBERED) known.set(key, violation);
    return violation;
  };

  return {
    async serverWillStart({ schema: served }) {
      schema = served;
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const violation = violationOf(document, operation ?? null, request.variables ?? {});
          if (!violation) return;
          throw new GraphQLError(violation.replace(/^Syntax Error: /, ""), {
            extensions: { code: ErrorCode.QueryTooComplex, http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** Variables passed as a list size anywhere in the document, fragments included. */
function variablesSizingLists(document: DocumentNode): ReadonlySet<string> {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (LIST_SIZE_ARGUMENTS.has(argument.name.value) && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return names;
}

/**
 * Each sizing variable's value as an integer literal: the value sent, else the operation's default.
 * Anything else (absent, null, not a positive integer) is left to variable coercion and the
 * resolvers to refuse, and counts as Armor counts an unknown size.
 */
function listSizes(names: ReadonlySet<string>, operation: OperationDefinitionNode | null, variables: Record<string, unknown>): Map<string, string> {
  const sizes = new Map<string, string>();
  for (const name of names) {
    let value: unknown = variables[name];
    if (value === undefined) {
      const declared = operation?.variableDefinitions?.find((d) => d.variable.name.value === name)?.defaultValue;
      value = declared?.kind === Kind.INT ? Number(declared.value) : undefined;
    }
    if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) sizes.set(name, String(value));
  }
  return sizes;
}

function withListSizes(document: DocumentNode, sizes: ReadonlyMap<string, string>): DocumentNode {
  return visit(document, {
    Argument(argument) {
      if (!LIST_SIZE_ARGUMENTS.has(argument.name.value) || argument.value.kind !== Kind.VARIABLE) return undefined;
      const size = sizes.get(argument.value.name.value);
      return size === undefined ? undefined : { ...argument, value: { kind: Kind.INT, value: size } };
    },
  });
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

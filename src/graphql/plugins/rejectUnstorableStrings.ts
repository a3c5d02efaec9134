// Postgres text holds neither U+0000 nor a lone UTF-16 surrogate (JSON can carry both: "\u0000",
// "\ud800"); either would reach a statement as "invalid byte sequence", a 500. No field of ours
// means anything with them, so one check before any resolver runs turns them into BAD_USER_INPUT
// naming where they were: the variable's path, or the argument holding the literal.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";
import { ErrorCode } from "../../errors/codes.ts";
import { isStorable } from "../../domain/isStorable.ts";
import { perDocument } from "./perDocument.ts";

export function rejectUnstorableStringsPlugin(): ApolloServerPlugin {
  const unstorableLiteral = perDocument(unstorableInLiterals);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const field = unstorableInValue(request.variables ?? {}, "") ?? unstorableLiteral(document);
          if (field === null) return;
          throw new GraphQLError(`${field}: must not contain NUL (\\u0000) or an unpaired surrogate`, {
            extensions: { code: ErrorCode.BadUserInput, field, http: { status: 400 } },
          });
        },
      };
    },
  };
}

/**
 * The path of the first string within a JSON value that Postgres cannot store, or null. Recursive:
 * request variables nest at most MAX_NESTING levels (src/http/rejectDeepNesting.ts refuses deeper
 * ones before Apollo sees them).
 */
export function unstorableInValue(value: unknown, path: string): string | null {
  if (typeof value === "string") return isStorable(value) ? null : path || "variables";
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableInValue(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableInValue(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

function unstorableInLiterals(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Argument(argument) {
      if (found !== null) return;
      visit(argument.value, {
        [Kind.STRING](node) {
          if (!isStorable(node.value)) found = argument.name.value;
        },
      });
    },
  });
  return found;
}

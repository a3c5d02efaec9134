// Subscription documents parsed and checked once per distinct text. A subscription keeps its
// document for as long as it is open, so a thousand clients subscribing with the same operation
// would otherwise hold a thousand copies of one AST (its tokens and locations alone are about 3 KB)
// and pay for a thousand parses and validations. The answer to a text never changes while the
// server runs (one schema, one set of limits), so refusals are kept as well as documents.
import type { DocumentNode, GraphQLError } from "graphql";

export type CheckedDocument = { readonly document: DocumentNode } | { readonly errors: readonly GraphQLError[] };

/**
 * `check` at most once per text among the texts used last, as many as fit in `budget` characters:
 * an AST takes several times its text, so the budget bounds the memory whatever clients send.
 */
export function checkedDocuments(check: (query: string) => CheckedDocument, budget: number): (query: string) => CheckedDocument {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const kept = new Map<string, CheckedDocument>();
  let used = 0;
  return (query) => {
    const known = kept.get(query);
    if (known) {
      kept.delete(query);
      kept.set(query, known);
      return known;
    }
    const answer = check(query);
    if (query.length > budget) return answer;
    kept.set(query, answer);
    used += query.length;
    for (const [oldest] of kept) {
      if (used <= budget) break;
      kept.delete(oldest);
      used -= oldest.length;
    }
    return answer;
  };
}

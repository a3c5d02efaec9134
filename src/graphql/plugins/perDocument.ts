// Apollo hands the same DocumentNode to every request with the same query text (its document
// cache), so a check that depends only on the document runs once per distinct operation, not on
// every request. Weakly keyed: a document evicted from Apollo's cache takes its answer with it.
import type { DocumentNode } from "graphql";

export function perDocument<T>(compute: (document: DocumentNode) => T): (document: DocumentNode) => T {
  const answers = new WeakMap<DocumentNode, T>();
  return (document) => {
    if (!answers.has(document)) answers.set(document, compute(document));
    return answers.get(document)!;
  };
}

// One bound on how deeply anything a request carries may nest: JSON (variables, extensions), the
// brackets of the query text, and selections followed through fragment spreads. Every walk over
// request data in the gateway and its libraries (the unstorable-strings check, graphql-js's parser,
// GraphQL Armor's depth and cost rules, execution) recurses, so each is safe only if the nesting is
// bounded before it starts; the checks here are iterative, so they cannot overflow themselves.
// 64 is far above any real operation (QUERY_MAX_DEPTH is 10, our inputs nest 3 levels) and far
// below a stack overflow.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from "graphql";

export const MAX_NESTING = 64;

/**
 * graphql-js validates (NoFragmentCycles, OverlappingFieldsCanBeMerged) by recursing through
 * fragment spreads before any plugin can look at the document, so the length of a fragment chain
 * is bounded by the parser: 10,000 tokens hold at most ~1,250 fragments, well within its stack,
 * and are ten times GraphQL Armor's default and far above any operation a client of ours sends.
 */
export const MAX_QUERY_TOKENS = 10_000;

/** Whether a parsed JSON value nests arrays and objects deeper than `max`. */
export function jsonNestsDeeper(value: unknown, max = MAX_NESTING): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth + 1 > max) return true;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      if (item !== null && typeof item === "object") stack.push([item, depth + 1]);
    }
  }
  return false;
}

/**
 * Whether GraphQL source text opens more than `max` brackets ({, [, ( ) inside each other, read
 * before it is parsed. Strings, block strings and comments are skipped; text that is not valid
 * GraphQL is left for the parser to refuse.
 */
export function sourceNestsDeeper(source: string, max = MAX_NESTING): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "#") {
      while (i < source.length && source[i] !== "\n" && source[i] !== "\r") i++;
    } else if (char === '"') {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== "\n") i += source[i] === "\\" ? 2 : 1;
      }
    } else if (char === "{" || char === "[" || char === "(") {
      if (++depth > max) return true;
    } else if (char === "}" || char === "]" || char === ")") {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

/**
 * Whether any operation's selections nest deeper than `max` levels when fragment spreads are
 * followed (a chain of fragments each spreading the next nests as deep as one long query, with
 * no deep brackets; spreads and inline fragments count as levels, since walkers recurse through
 * them). A fragment cycle counts as too deep. Each fragment is measured once.
 */
export function documentNestsDeeper(document: DocumentNode, max = MAX_NESTING): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const depthOf = new Map<string, number>();
  for (const name of fragments.keys()) {
    const pending = [name];
    const entered = new Set<string>();
    while (pending.length > 0) {
      const current = pending[pending.length - 1]!;
      const fragment = fragments.get(current);
      if (depthOf.has(current) || !fragment) {
        if (!fragment) depthOf.set(current, 0);
        pending.pop();
        continue;
      }
      const missing = spreadsIn(fragment.selectionSet).filter((spread) => !depthOf.has(spread));
      if (missing.length === 0) {
        const depth = selectionDepth(fragment.selectionSet, depthOf);
        if (depth > max) return true;
        depthOf.set(current, depth);
        pending.pop();
      } else if (entered.has(current)) {
        return true;
      } else {
        entered.add(current);
        pending.push(...missing);
      }
    }
  }
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && selectionDepth(d.selectionSet, depthOf) > max);
}

/**
 * Levels below a selection set, counting what every walker recurses through: a field's selections,
 * an inline fragment and a fragment spread each add one.
 */
function selectionDepth(root: SelectionSetNode, depthOf: ReadonlyMap<string, number>): number {
  let deepest = 0;
  const stack: Array<[SelectionSetNode, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [set, level] = stack.pop()!;
    for (const selection of set.selections) {
      deepest = Math.max(deepest, level);
      if (selection.kind === Kind.FRAGMENT_SPREAD) deepest = Math.max(deepest, level + (depthOf.get(selection.name.value) ?? 0));
      else if (selection.selectionSet) stack.push([selection.selectionSet, level + 1]);
    }
  }
  return deepest;
}

function spreadsIn(root: SelectionSetNode): string[] {
  const names: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    for (const selection of stack.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet) stack.push(selection.selectionSet);
    }
  }
  return names;
}

// A GraphQL request's loaders, built on first read. Most mutations never read through them, and a
// subscription holds its context for as long as it is open: a thousand idle subscribers would
// otherwise each keep fourteen DataLoaders and their closures (about 6 KB) they have not used yet.
// The loaders still date from the request's start (a message's, for a subscription): a graph read
// made before the first loader is checked for deletes as of then (pendingDeletes.ts).
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Postgres } from "../postgres/createPrisma.ts";
import { createRequestLoaders, type RequestLoaders } from "../relationships/relationshipReads.ts";
import type { OrganizationScope } from "../stores/scope.ts";

const renewals = new WeakMap<object, () => void>();

/** `target` with `loaders` and `graphLoaders` that build on first read. */
export function withLazyLoaders<T extends object>(target: T, deps: Postgres & { readonly graph: GraphConnection | null }, scope: OrganizationScope): T & RequestLoaders {
  let started = performance.now();
  let built: RequestLoaders | null = null;
  const current = () => (built ??= createRequestLoaders(deps, scope, started));
  renewals.set(target, () => {
    started = performance.now();
    built = null;
  });
  return Object.defineProperties(target, {
    loaders: { get: () => current().loaders, enumerable: true },
    graphLoaders: { get: () => current().graphLoaders, enumerable: true },
  }) as T & RequestLoaders;
}

/** The next read of `target`'s loaders builds new ones, dated now, so nothing read before is served from their caches. */
export function renewLoaders(target: object): void {
  renewals.get(target)?.();
}

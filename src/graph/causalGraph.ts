// The graph as a causal request sees it (x-graph-sync: wait): the same driver, with the bookmarks
// of the changes committed before the request (src/sync/causalBookmarks.ts) for every read. They are
// looked up once, at the request's first graph read: a request that never reads the graph never
// waits, and one that does waits once, after any mutation it made has committed.
import type { GraphConnection } from "./graphConnection.ts";

export function causalGraph(graph: GraphConnection, lookUp: () => Promise<readonly string[]>): GraphConnection {
  let bookmarks: Promise<readonly string[]> | null = null;
  return { ...graph, readBookmarks: () => (bookmarks ??= lookUp()) };
}

// What @neo4j/graphql runs a generated field's Cypher on for one request: the gateway's driver, with
// the request's causal bookmarks (x-graph-sync: wait) on every session and a span per statement when
// tracing is on. The library's Executor only calls `session(config)`, then the session's
// executeRead/executeWrite (whose transaction it only calls `run` on) and close, and reads
// `executeQueryBookmarkManager`, so that is all of a driver this provides.
import type { Driver, ManagedTransaction, Session, SessionConfig } from "neo4j-driver";
import type { GraphConnection } from "../../graph/graphConnection.ts";
import { traceCypher } from "../../observability/traceStatements.ts";
import { tracingStarted } from "../../observability/tracing.ts";

export function requestDriver(graph: GraphConnection, bookmarks: readonly string[] | undefined): Driver {
  const { driver } = graph;
  const traced = tracingStarted();
  if (!bookmarks && !traced) return driver;
  const open = (config: SessionConfig) => driver.session({ ...config, ...(bookmarks ? { bookmarks: [...bookmarks] } : {}) });
  const driverLike = {
    session: (config: SessionConfig) => (traced ? tracedSession(open(config)) : open(config)),
    executeQueryBookmarkManager: driver.executeQueryBookmarkManager,
  };
  return driverLike as unknown as Driver;
}

type Work<T> = (tx: ManagedTransaction) => Promise<T> | T;

function tracedSession(session: Session): Session {
  const tracedTx = (tx: ManagedTransaction) =>
    ({ run: (query: string, params?: Record<string, unknown>) => traceCypher("graphApi", query, async () => tx.run(query, params)) }) as unknown as ManagedTransaction;
  const sessionLike = {
    executeRead: <T>(work: Work<T>, config?: Parameters<Session["executeRead"]>[1]) => session.executeRead((tx) => work(tracedTx(tx)), config),
    executeWrite: <T>(work: Work<T>, config?: Parameters<Session["executeWrite"]>[1]) => session.executeWrite((tx) => work(tracedTx(tx)), config),
    close: () => session.close(),
    lastBookmarks: () => session.lastBookmarks(),
  };
  return sessionLike as unknown as Session;
}

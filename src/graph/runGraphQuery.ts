// Every read of the relationship queries goes through here: a disabled graph and a graph that
// does not answer both become GRAPH_UNAVAILABLE, so an empty list always means "no matches".
//
// A read is one auto-commit statement in a READ session (one round trip), not executeQuery's
// managed transaction (BEGIN/RUN/PULL, then COMMIT, retried for up to maxTransactionRetryTime):
// cheaper per request, and a Neo4j that is down is reported at once instead of after the retries.
// Sharing executeQuery's bookmark manager keeps reads causally after this process's own writes; a
// causal request's reads also carry the drainers' published bookmarks (causalGraph.ts), which hold
// across replicas and cluster members.
import { session as accessMode } from "neo4j-driver";
import { graphUnavailable, queryTimeout } from "../errors/codes.ts";
import { isQueryTimeout } from "../errors/isQueryTimeout.ts";
import type { GraphConnection } from "./graphConnection.ts";
import type { GraphStatement } from "./graphStatement.ts";
import { isGraphUnavailableError } from "./isGraphUnavailableError.ts";
import { traceCypher } from "../observability/traceStatements.ts";

export async function runGraphQuery<Row>(
  graph: GraphConnection | null,
  statement: GraphStatement,
  params: Record<string, unknown>,
): Promise<Row[]> {
  if (!graph) throw graphUnavailable();
  const bookmarks = graph.readBookmarks ? [...(await graph.readBookmarks())] : undefined;
  const session = graph.driver.session({
    database: graph.database,
    defaultAccessMode: accessMode.READ,
    bookmarkManager: graph.driver.executeQueryBookmarkManager,
    bookmarks,
  });
  const started = process.hrtime.bigint();
  try {
    const { records } = await traceCypher(statement.name, statement.text, async () =>
      session.run(statement.text, params, graph.readTimeoutMs ? { timeout: graph.readTimeoutMs } : undefined),
    );
    graph.onQuery?.(statement.name, Number(process.hrtime.bigint() - started) / 1e9);
    return records.map((record) => record.toObject() as Row);
  } catch (error) {
    if (isQueryTimeout(error)) throw queryTimeout(error);
    throw isGraphUnavailableError(error) ? graphUnavailable(error) : error;
  } finally {
    await session.close();
  }
}


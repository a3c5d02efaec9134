// A Postgres read that only checks a graph answer goes out once the graph statement is on the wire.
// Started first, its client work (building the query, writing the socket) would run on the one
// event loop ahead of the statement the answer waits for, and delay the answer by as much
// (docs/performance-notes.md).

/**
 * Resolves on the event loop's next turn. A statement started in this turn on an idle pooled
 * connection has been written by then: acquiring the connection and writing it are promise jobs,
 * and those all run before the turn ends.
 */
export const graphStatementsSent = () => new Promise<void>((resolve) => setImmediate(resolve));

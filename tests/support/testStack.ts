// The servers of a test run. Files run in TEST_WORKERS processes at once, and each worker has a
// Postgres database and a Neo4j of its own: files in different workers never share an outbox, a
// drainer's events or a graph, while files in one worker run one after another, as a whole run
// once did. Two checkouts on one machine (or CI beside a developer) pick their own with
// MOBIUS_TEST_SLOT, so their runs never share or stop each other's servers.

/**
 * Servers given from outside (TEST_DATABASE_URL, TEST_NEO4J_URI) are one of each, so their runs
 * keep to one worker. Two otherwise: vitest's default on two cores is one, which leaves a core idle
 * about half the run while tests wait on servers, processes and timers.
 */
export const TEST_WORKERS = process.env.TEST_DATABASE_URL || process.env.TEST_NEO4J_URI ? 1 : 2;

/** Ports a worker's own tests may start servers on run from its Neo4j port up to this offset. */
const PORTS_PER_WORKER = 300;

/** Names of a worker's servers (workers count from 1, as VITEST_POOL_ID does). */
export function testStack(worker = currentWorker()) {
  const slot = Number(process.env.MOBIUS_TEST_SLOT ?? 0);
  const database = slot ? `mobius_test_${slot}` : "mobius_test";
  return {
    databaseName: worker === 1 ? database : `${database}_w${worker}`,
    neo4jPort: 7688 + slot + (worker - 1) * PORTS_PER_WORKER,
  };
}

/** This test process's worker (1 outside vitest's workers, as in its global setup). */
export function currentWorker(): number {
  return Number(process.env.VITEST_POOL_ID ?? 1);
}

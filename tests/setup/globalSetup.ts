// Once per test run: for each test worker (testStack.ts), a fresh, migrated Postgres database and a
// real Neo4j with an empty graph. Either comes from TEST_DATABASE_URL / TEST_NEO4J_URI when set
// (then the run has one worker), else from the local stack (the Postgres server on 5432 or PGlite;
// the project's local Neo4j on the worker's own test port).
import path from "node:path";
import neo4j from "neo4j-driver";
import type { TestProject } from "vitest/node";
import { ensureGraphSchema } from "../../src/graph/ensureGraphSchema.ts";
import { warmProjectionCypher } from "../../src/projector/warmProjectionCypher.ts";
import { migrateDatabase } from "../../src/postgres/migrate.ts";
import { recreateDatabase } from "../../src/postgres/recreateDatabase.ts";
import { resolvePostgres, type PostgresEndpoint } from "../../src/stack/localPostgres.ts";
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from "../../src/stack/localNeo4j.ts";
import { dataDir } from "../../src/stack/paths.ts";
import { TEST_WORKERS, testStack } from "../support/testStack.ts";
import type { WorkerStack } from "../support/workerStack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The servers of worker n at n − 1. */
    stacks: WorkerStack[];
  }
}

export default async function setup(project: TestProject) {
  const postgres = await resolvePostgres(process.env.TEST_DATABASE_URL, `postgres`);
  const workers = Array.from({ length: TEST_WORKERS }, (_, i) => {
    const { databaseName, neo4jPort: port } = testStack(i + 1);
    return { databaseName, localNeo4j: { port, home: path.join(dataDir, `neo4j-test-${port}`) } };
  });
  project.provide("stacks", await Promise.all(workers.map((worker) => startWorkerStack(postgres, worker))));

  return async () => {
    if (!process.env.TEST_NEO4J_URI) await Promise.all(workers.map((worker) => stopLocalNeo4j(worker.localNeo4j)));
    await postgres.stop();
  };
}

async function startWorkerStack(
  postgres: PostgresEndpoint,
  { databaseName, localNeo4j }: { databaseName: string; localNeo4j: LocalNeo4jOptions },
): Promise<WorkerStack> {
  const databaseUrl = process.env.TEST_DATABASE_URL ?? (await recreateDatabase(postgres.url, databaseName));
  await migrateDatabase(databaseUrl);

  const neo4jUri = process.env.TEST_NEO4J_URI ?? (await startLocalNeo4j(localNeo4j)).uri;
  const driver = neo4j.driver(neo4jUri, neo4j.auth.basic("neo4j", process.env.TEST_NEO4J_PASSWORD ?? ""));
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run, not executeQuery.
  const session = driver.session({ database: "neo4j" });
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
  await ensureGraphSchema(driver, "neo4j");
  await warmProjectionCypher({ driver, database: "neo4j" });
  await driver.close();
  return { databaseUrl, neo4jUri };
}

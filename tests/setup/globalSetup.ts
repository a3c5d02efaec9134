// Once per test run: a fresh, migrated Postgres database and a real Neo4j with an empty graph.
// Either comes from TEST_DATABASE_URL / TEST_NEO4J_URI when set, else from the local stack
// (the Postgres server on 5432 or PGlite; the project's local Neo4j on its own test port).
import path from "node:path";
import neo4j from "neo4j-driver";
import type { TestProject } from "vitest/node";
import { ensureGraphSchema } from "../../src/graph/ensureGraphSchema.ts";
import { warmProjectionCypher } from "../../src/projector/warmProjectionCypher.ts";
import { migrateDatabase } from "../../src/postgres/migrate.ts";
import { recreateDatabase } from "../../src/postgres/recreateDatabase.ts";
import { resolvePostgres } from "../../src/stack/localPostgres.ts";
import { startLocalNeo4j, stopLocalNeo4j } from "../../src/stack/localNeo4j.ts";
import { dataDir } from "../../src/stack/paths.ts";
import { testStack } from "../support/testStack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject) {
  const { databaseName, neo4jPort } = testStack();
  const postgres = await resolvePostgres(process.env.TEST_DATABASE_URL, `postgres`);
  const databaseUrl = process.env.TEST_DATABASE_URL ?? (await recreateDatabase(postgres.url, databaseName));
  await migrateDatabase(databaseUrl);

  const localNeo4j = { port: neo4jPort, home: path.join(dataDir, `neo4j-test-${neo4jPort}`) };
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

  project.provide("databaseUrl", databaseUrl);
  project.provide("neo4jUri", neo4jUri);

  return async () => {
    if (!process.env.TEST_NEO4J_URI) await stopLocalNeo4j(localNeo4j);
    await postgres.stop();
  };
}

// A migrated database of a test's own on the run's Postgres server, for tests whose drainer polls
// the whole outbox: in the shared database it would apply events other tests keep pending on purpose.
import pg from "pg";
import { inject } from "vitest";
import { migrateDatabase } from "../../src/postgres/migrate.ts";

export async function createIsolatedDatabase(suffix: string): Promise<string> {
  const url = new URL(inject("databaseUrl"));
  const name = `${url.pathname.slice(1)}_${suffix}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return url.toString();
}

// A migrated database of a test's own on the run's Postgres server, for tests whose drainer polls
// the whole outbox: in its worker's database it would apply events other tests keep pending on purpose.
import pg from "pg";
import { createPostgres } from "../../src/postgres/createPrisma.ts";
import { migrateDatabase } from "../../src/postgres/migrate.ts";
import { recreateDatabase } from "../../src/postgres/recreateDatabase.ts";
import { workerStack } from "./workerStack.ts";

export async function createIsolatedDatabase(suffix: string): Promise<string> {
  const shared = workerStack().databaseUrl;
  const url = await recreateDatabase(shared, `${new URL(shared).pathname.slice(1)}_${suffix}`);
  await migrateDatabase(url);
  return url;
}

/**
 * A database of the test's own, reached through one pooled connection (so every transaction reuses
 * the statements the first prepared, and the backend that ran them is the one whose statistics a
 * test reads) and through a plain client of its own.
 */
export async function openIsolatedDatabase(suffix: string) {
  const url = await createIsolatedDatabase(suffix);
  const postgres = createPostgres(url, { maxConnections: 1 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    postgres,
    client,
    async close() {
      await client.end();
      await postgres.prisma.$disconnect();
    },
  };
}

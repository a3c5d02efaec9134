// A migrated database of a test's own on the run's Postgres server, for tests whose drainer polls
// the whole outbox: in its worker's database it would apply events other tests keep pending on purpose.
import { migrateDatabase } from "../../src/postgres/migrate.ts";
import { recreateDatabase } from "../../src/postgres/recreateDatabase.ts";
import { workerStack } from "./workerStack.ts";

export async function createIsolatedDatabase(suffix: string): Promise<string> {
  const shared = workerStack().databaseUrl;
  const url = await recreateDatabase(shared, `${new URL(shared).pathname.slice(1)}_${suffix}`);
  await migrateDatabase(url);
  return url;
}

// Fills the database with the demo data set: `npm run seed:demo [-- --force]`. Without --force it
// only seeds an empty database (no organization yet), which is what `npm start` does on its own.
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/config.ts";
import { createPostgres } from "../src/postgres/createPrisma.ts";
import { migrateDatabase } from "../src/postgres/migrate.ts";
import { seedDemo, seedDemoIfEmpty } from "../src/demo/seedDemo.ts";
import { resolvePostgres } from "../src/stack/localPostgres.ts";
import { queueOnlySync } from "../src/outbox/graphSync.ts";

const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
const postgres = await resolvePostgres(loadConfig().databaseUrl);
const { prisma, sql } = createPostgres(postgres.url, { maxConnections: 1 });
try {
  await migrateDatabase(postgres.url);
  // Outbox events are queued; the gateway's sync projects them into Neo4j when it runs.
  const deps = { sql, sync: queueOnlySync };
  const summary = values.force ? await seedDemo(deps) : await seedDemoIfEmpty(deps);
  console.log(summary ? `seeded demo data: ${JSON.stringify(summary)}` : "the database already has organizations; pass --force to add the demo set anyway");
} finally {
  await prisma.$disconnect();
  await postgres.stop();
}

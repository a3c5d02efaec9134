// The process whose time and peak RSS the backfill suite reports: a fresh Node process doing nothing
// but the full backfill (execute), so its maxRSS is the backfill's alone, not the generator's.
import { parseRunOptions } from "../../src/backfill/backfillOptions.ts";
import { runBackfill } from "../../src/backfill/runBackfill.ts";
import { toBackfillReport } from "../../src/backfill/runReports.ts";
import { createDriver } from "../../src/graph/createDriver.ts";
import { createPrisma } from "../../src/postgres/createPrisma.ts";

const [databaseUrl, neo4jUri, batchSize] = process.argv.slice(2) as [string, string, string];
const prisma = createPrisma(databaseUrl, { maxConnections: 4 });
const driver = createDriver(neo4jUri, { uri: neo4jUri, user: "neo4j", password: "", database: "neo4j" });
try {
  const started = performance.now();
  const result = await runBackfill(
    { prisma, graph: { driver, database: "neo4j" } },
    parseRunOptions("backfill", { dryRun: false, batchSize: Number(batchSize) }),
  );
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    JSON.stringify({ seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, report: toBackfillReport(result) }) + "\n",
  );
} finally {
  await prisma.$disconnect();
  await driver.close();
}

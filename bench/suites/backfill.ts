// Backfill benchmark (not part of npm test): a free-tier-sized data set generated straight into
// its own Postgres database, then, side by side in one run, (1) the seed plan's approach and ours
// on a small slice of organizations, and (2) a full backfill (execute) in a child process whose
// wall time and peak RSS are the numbers the issue sets goals for (≤ 60 s, ≤ 512 MB, ≥ 20×).
//
//   node --import tsx bench/backfill.ts [--preset free|small] [--batch-size 2000] [--slice-orgs 40]
//
// Uses BENCH_DATABASE_URL (a server database; `mobius_bench` is dropped and recreated on it) and
// BENCH_NEO4J_URI, else the local Postgres on 5432 and a local Neo4j on port 7792 that it starts
// and stops. It wipes that Neo4j: never point it at a graph you need.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import neo4j from "neo4j-driver";
import pg from "pg";
import { parseRunOptions } from "../src/backfill/backfillOptions.ts";
import { runBackfill } from "../src/backfill/runBackfill.ts";
import { ensureGraphSchema } from "../src/graph/ensureGraphSchema.ts";
import { createPrisma } from "../src/postgres/createPrisma.ts";
import { migrateDatabase } from "../src/postgres/migrate.ts";
import { recreateDatabase } from "../src/postgres/recreateDatabase.ts";
import { startLocalNeo4j, stopLocalNeo4j } from "../src/stack/localNeo4j.ts";
import { dataDir, projectRoot } from "../src/stack/paths.ts";
import { warmProjectionCypher } from "../src/sync/projector/warmProjectionCypher.ts";
import { generateDataset, PRESETS } from "./generateDataset.ts";
import { planBackfill } from "./planApproach.ts";

const { values } = parseArgs({
  options: {
    preset: { type: "string", default: "free" },
    "batch-size": { type: "string", default: "2000" },
    "slice-orgs": { type: "string", default: "40" },
  },
});
const size = PRESETS[values.preset!];
if (!size) throw new Error(`--preset must be one of ${Object.keys(PRESETS).join(", ")}`);
const batchSize = Number(values["batch-size"]);
const sliceOrgs = Number(values["slice-orgs"]);

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const seconds = async <T>(work: () => Promise<T>) => {
  const t = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - t) / 1000 };
};

const databaseUrl = await recreateDatabase(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", "mobius_bench");
await migrateDatabase(databaseUrl);
const localNeo4j = { port: 7792, home: path.join(dataDir, "neo4j-bench-7792") };
const neo4jStarted = process.env.BENCH_NEO4J_URI ? null : await startLocalNeo4j(localNeo4j);
const neo4jUri = process.env.BENCH_NEO4J_URI ?? neo4jStarted!.uri;
const driver = neo4j.driver(neo4jUri, neo4j.auth.basic("neo4j", process.env.BENCH_NEO4J_PASSWORD ?? ""), { disableLosslessIntegers: true });
const graph = { driver, database: "neo4j" };
const prisma = createPrisma(databaseUrl, { maxConnections: 4 });

try {
  await wipeGraph();
  await ensureGraphSchema(driver, "neo4j");
  await warmProjectionCypher(graph);

  log(`generating preset ${values.preset} …`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const generated = await seconds(() => generateDataset(client, size));
  const orgIds = (await client.query<{ id: string }>("SELECT id FROM organizations ORDER BY id LIMIT $1", [sliceOrgs])).rows.map((r) => r.id);
  await client.end();
  log(`${generated.value.rows} rows in ${generated.seconds.toFixed(1)} s`);

  log(`slice of ${sliceOrgs} organizations: the plan's approach …`);
  const plan = await seconds(() => planBackfill(prisma, graph, orgIds));
  const sliceCounts = await graphCounts();
  await wipeGraph();
  log("slice: ours …");
  const ours = await seconds(() => runBackfill({ prisma, graph }, parseRunOptions("backfill", { dryRun: false, batchSize, organizationIds: orgIds })));
  const oursSliceCounts = await graphCounts();
  await wipeGraph();

  log(`full backfill (execute, batch size ${batchSize}) in a child process …`);
  const child = await promisify(execFile)(
    "node",
    ["--import", "tsx", path.join("bench", "fullBackfillChild.ts"), databaseUrl, neo4jUri, String(batchSize)],
    { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 },
  );
  const full = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { seconds: number; peakRssMb: number; report: unknown };
  const fullCounts = await graphCounts();

  const results = {
    at: new Date().toISOString(),
    preset: values.preset,
    batchSize,
    generated: { rows: generated.value.rows, seconds: round(generated.seconds) },
    full: { seconds: round(full.seconds), peakRssMb: round(full.peakRssMb), graph: fullCounts, report: full.report, goals: { seconds: 60, peakRssMb: 512 } },
    slice: {
      organizations: sliceOrgs,
      graph: sliceCounts,
      sameGraph: JSON.stringify(sliceCounts) === JSON.stringify(oursSliceCounts),
      plan: { seconds: round(plan.seconds), sessionRuns: plan.value },
      ours: { seconds: round(ours.seconds) },
      speedup: round(plan.seconds / ours.seconds),
      goal: 20,
    },
  };
  fs.mkdirSync(path.join(projectRoot, "bench", "results"), { recursive: true });
  fs.writeFileSync(path.join(projectRoot, "bench", "results", "backfill.json"), JSON.stringify(results, null, 2) + "\n");
  console.table({
    "full backfill": { nodes: fullCounts.nodes, relationships: fullCounts.relationships, seconds: results.full.seconds, "peak RSS MB": results.full.peakRssMb },
    "slice: plan": { nodes: sliceCounts.nodes, relationships: sliceCounts.relationships, seconds: results.slice.plan.seconds, "peak RSS MB": "" },
    "slice: ours": { nodes: oursSliceCounts.nodes, relationships: oursSliceCounts.relationships, seconds: results.slice.ours.seconds, "peak RSS MB": "" },
  });
  console.log(`speed-up on the slice: ${results.slice.speedup}× (goal ≥ 20×); full: ${results.full.seconds} s (goal ≤ 60), ${results.full.peakRssMb} MB (goal ≤ 512)`);
} finally {
  await prisma.$disconnect();
  await driver.close();
  if (neo4jStarted?.startedHere) await stopLocalNeo4j(localNeo4j);
}

function round(n: number) {
  return Math.round(n * 100) / 100;
}

/**
 * In bounded transactions, relationships first: a DETACH DELETE of even 5,000 nodes can hit Neo4j's
 * transaction memory limit when they include Color nodes with hundreds of relationships each.
 */
async function wipeGraph() {
  for (const statement of ["MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS deleted", "MATCH (n) WITH n LIMIT 20000 DELETE n RETURN count(*) AS deleted"]) {
    for (;;) {
      const { records } = await driver.executeQuery(statement, {}, { database: "neo4j" });
      if (records[0]!.get("deleted") === 0) break;
    }
  }
}

async function graphCounts() {
  const { records } = await driver.executeQuery(
    "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships",
    {},
    { database: "neo4j" },
  );
  return { nodes: records[0]!.get("nodes") as number, relationships: records[0]!.get("relationships") as number };
}

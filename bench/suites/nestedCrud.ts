// "100 brands with their colors and assets" through /graphql: SQL statements per request and
// latency. `npx tsx bench/nestedCrud.ts [--brands 100] [--reps 50]`; not part of `npm test`.
// Uses DATABASE_URL, else its own database `mobius_bench` on the local Postgres, and an
// organization of its own that it deletes afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/config.ts";
import { seedSyntheticOrganization } from "../src/demo/seedSyntheticOrganization.ts";
import { benchDeps } from "./support/benchDeps.ts";
import { createServer } from "../src/http/createServer.ts";
import { createPrisma } from "../src/postgres/createPrisma.ts";
import { inTransaction } from "../src/postgres/inTransaction.ts";
import { migrateDatabase } from "../src/postgres/migrate.ts";
import { organizationStore } from "../src/postgres/organizationStore.ts";
import { resolvePostgres } from "../src/stack/localPostgres.ts";
import { projectRoot } from "../src/stack/paths.ts";

const { values } = parseArgs({ options: { brands: { type: "string", default: "100" }, reps: { type: "string", default: "50" } } });
const shape = { brands: Number(values.brands), colorsPerBrand: 5, assetsPerBrand: 5 };
const reps = Number(values.reps);
const WARM_UP = 5;

const QUERY = `query($organizationId: ID) {
  brands(organizationId: $organizationId, first: 100) {
    edges { node { id name colors { hex name usage usageWeight } assets(first: 10) { edges { node { id colors { hex } } } } } }
  }
}`;

const config = loadConfig({ ...process.env, LOG_LEVEL: "silent" });
const postgres = await resolvePostgres(config.databaseUrl, "mobius_bench");
await migrateDatabase(postgres.url);
let statements = 0;
const prisma = createPrisma(postgres.url, { onQuery: () => statements++ });
const deps = benchDeps({ config, prisma, graph: null });
const gateway = await createServer(deps);
const url = await gateway.listen(0);

const organization = await seedSyntheticOrganization(deps, `Bench ${new Date().toISOString()}`, shape);
try {
  const run = async () => {
    statements = 0;
    const started = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY, variables: { organizationId: organization.id } }),
    });
    const body = (await res.json()) as { data?: { brands: { edges: unknown[] } }; errors?: unknown };
    const ms = performance.now() - started;
    if (body.errors || body.data?.brands.edges.length !== shape.brands) throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, statements };
  };
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples = [];
  for (let i = 0; i < reps; i++) samples.push(await run());

  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const result = {
    query: "brands(first:100){ colors, assets(first:10){ colors } }",
    shape,
    warmUp: WARM_UP,
    repetitions: reps,
    statementsPerRequest: [...new Set(samples.map((s) => s.statements))],
    latencyMs: { p50: round(percentile(50)), p99: round(percentile(99)), min: round(sorted[0]!), max: round(sorted.at(-1)!) },
    measuredAt: new Date().toISOString(),
    // Latency on a shared machine means little without how busy it was.
    machine: { cpus: os.cpus().length, loadAverage1m: Math.round(os.loadavg()[0]! * 100) / 100 },
  };
  const file = path.join(projectRoot, "bench", "results", "nested-crud.json");
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `${shape.brands} brands × ${shape.colorsPerBrand} colors × ${shape.assetsPerBrand} assets: ` +
      `${result.statementsPerRequest.join("/")} SQL statements per request, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms ` +
      `(${reps} runs after ${WARM_UP} warm-up) → ${path.relative(projectRoot, file)}`,
  );
} finally {
  await inTransaction(deps, (tx) => organizationStore.remove(tx, organization.id));
  await gateway.close();
  await prisma.$disconnect();
  await postgres.stop();
}

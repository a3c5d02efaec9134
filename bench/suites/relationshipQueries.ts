// Benchmark of the four relationship queries: p50/p99 through the gateway (/graphql, or /v1 REST
// for a brand's colors, which has no graph GraphQL field) beside the same src/graph function
// called directly with neo4j-driver, in one run, one request at a time, after a warm-up.
//
//   npx tsx bench/relationshipQueries.ts [--brands 10000 --organizations 1000 --palette 500
//                                         --assets 100000 --iterations 400 --warmup 50]
//
// Runs on its own stores so it never touches a developer's or a test run's data: the database
// mobius_bench on the local Postgres (or BENCH_DATABASE_URL) and a local Neo4j on port 7699 with
// its store in .data/neo4j-bench (or BENCH_NEO4J_URI). Writes bench/results/relationship-queries.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/config.ts";
import { createDriver } from "../src/graph/createDriver.ts";
import { findBrandColors } from "../src/graph/queries/brandColors.ts";
import { findBrandsUsingColor } from "../src/graph/queries/brandsUsingColor.ts";
import { findColorPairings } from "../src/graph/queries/colorPairings.ts";
import { findSimilarBrands } from "../src/graph/queries/similarBrands.ts";
import { benchDeps } from "./support/benchDeps.ts";
import { createServer } from "../src/http/createServer.ts";
import { createPrisma } from "../src/postgres/createPrisma.ts";
import { migrateDatabase } from "../src/postgres/migrate.ts";
import { resolvePostgres } from "../src/stack/localPostgres.ts";
import { startLocalNeo4j, stopLocalNeo4j } from "../src/stack/localNeo4j.ts";
import { dataDir, projectRoot } from "../src/stack/paths.ts";
import { measureLatency, type Latency } from "./measureLatency.ts";
import { seedBenchData } from "./seedBenchData.ts";

const { values: args } = parseArgs({
  options: Object.fromEntries(
    ["brands", "organizations", "palette", "assets", "iterations", "warmup"].map((name) => [name, { type: "string" }]),
  ),
});
const num = (name: string, fallback: number) => Number(args[name] ?? fallback);
const scale = { organizations: num("organizations", 1_000), brands: num("brands", 10_000), palette: num("palette", 500), assets: num("assets", 100_000) };
const iterations = num("iterations", 400);
const warmup = num("warmup", 50);

const localNeo4j = { port: 7699, home: path.join(dataDir, "neo4j-bench") };
const postgres = await resolvePostgres(process.env.BENCH_DATABASE_URL, "mobius_bench");
await migrateDatabase(postgres.url);
const neo4jUri = process.env.BENCH_NEO4J_URI ?? (await startLocalNeo4j(localNeo4j)).uri;
const config = loadConfig({ LOG_LEVEL: "silent" });
const driver = createDriver(neo4jUri, config.neo4j);
const graph = { driver, database: config.neo4j.database };
const prisma = createPrisma(postgres.url, { maxConnections: 5 });

try {
  const data = await seedBenchData(prisma, graph, scale);
  const gateway = await createServer(benchDeps({ config, prisma, graph }));
  const url = await gateway.listen(0);
  const graphql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const rest = async (pathname: string) => {
    const res = await fetch(`${url}${pathname}`);
    if (res.status !== 200) throw new Error(`${pathname}: ${res.status}`);
    await res.json();
  };

  const brandIds = data.brandIds.filter((_, i) => i % 37 === 0);
  const hexes = data.hexes.filter((_, i) => i % 3 === 0);
  const cases: Array<{ query: string; via: string; inputs: string[]; gateway: (x: string) => Promise<unknown>; direct: (x: string) => Promise<unknown> }> = [
    {
      query: "similarBrands (min 3, top 5)",
      via: "GraphQL brand(id) { similarBrands { brand { id } … } }",
      inputs: brandIds,
      gateway: (id) => graphql(`query ($id: ID!) { brand(id: $id) { similarBrands { brand { id } sharedColorCount similarityScore } } }`, { id }),
      direct: (id) => findSimilarBrands(graph, [id], { minSharedColors: 3, limit: 5 }),
    },
    {
      query: "Color.pairings (min 5, top 10)",
      via: "GraphQL color(hex) { pairings { color { hex } … } }",
      inputs: hexes,
      gateway: (hex) => graphql(`query ($hex: String!) { color(hex: $hex) { pairings { color { hex } pairingCount avgComplianceScore } } }`, { hex }),
      direct: (hex) => findColorPairings(graph, [hex], { minSamples: 5, limit: 10 }),
    },
    {
      query: "Color.brands",
      via: "GraphQL color(hex) { brands { brand { id } usageWeight } }",
      inputs: hexes,
      gateway: (hex) => graphql(`query ($hex: String!) { color(hex: $hex) { brands { brand { id } usageWeight } } }`, { hex }),
      direct: (hex) => findBrandsUsingColor(graph, [hex], null),
    },
    {
      query: "brand colors",
      via: "REST GET /v1/brands/{id}/graph",
      inputs: brandIds,
      gateway: (id) => rest(`/v1/brands/${id}/graph`),
      direct: (id) => findBrandColors(graph, id),
    },
  ];

  const results: Array<{ query: string; via: string; gateway: Latency; direct: Latency; ratioP50: number }> = [];
  for (const c of cases) {
    const direct = await measureLatency(c.inputs, c.direct, iterations, warmup);
    const viaGateway = await measureLatency(c.inputs, c.gateway, iterations, warmup);
    results.push({ query: c.query, via: c.via, gateway: viaGateway, direct, ratioP50: Math.round((viaGateway.p50 / direct.p50) * 100) / 100 });
  }
  await gateway.close();

  console.log(`\n${scale.brands} brands / ${scale.organizations} organizations / ${scale.palette} colors / ${scale.assets} assets; ${iterations} timed requests each after ${warmup} warm-up\n`);
  console.table(
    results.map((r) => ({ query: r.query, "gateway p50 ms": r.gateway.p50, "gateway p99 ms": r.gateway.p99, "direct p50 ms": r.direct.p50, "direct p99 ms": r.direct.p99, "gateway/direct p50": r.ratioP50 })),
  );
  const out = path.join(projectRoot, "bench", "results", "relationship-queries.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ ranAt: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, scale, iterations, warmup, results }, null, 2)}\n`);
  console.log(`written ${path.relative(projectRoot, out)}`);
} finally {
  await prisma.$disconnect();
  await driver.close();
  if (!process.env.BENCH_NEO4J_URI) await stopLocalNeo4j(localNeo4j);
  await postgres.stop();
}

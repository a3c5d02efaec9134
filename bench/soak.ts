// Soak benchmark, not a test: three gateway processes (production mode, compiled-from-source via tsx)
// on one Postgres database and one Neo4j of the bench's own, under a mixed load of reads and
// mutations for --minutes; one of them is SIGKILLed and restarted twice. At the end, with the load
// stopped and the outbox drained, it reports: the graph against Postgres (every brand's name and
// palette; nothing lost, nothing duplicated; and every color pair count Color.pairings reads, which
// the three processes' drainers keep as assets on a few shared colors are approved, recolored and
// deleted with their feedback and brands), per-entity order (each brand's last update, a version
// number in its name, is what the graph holds), each process's RSS slope, and the outbox's size
// over the run against the retention window.
//
//   node --import tsx bench/soak.ts --database mobius_bench_prod --neo4j-port 7804 --minutes 10
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import pg from "pg";
import { mintToken } from "../src/auth/mintToken.ts";
import { ensureGraphSchema } from "../src/graph/ensureGraphSchema.ts";
import { PAIRS_WITH } from "../src/projector/colorPairCounts.ts";
import { migrateDatabase } from "../src/postgres/migrate.ts";
import { recreateDatabase } from "../src/postgres/recreateDatabase.ts";
import { resolvePostgres } from "../src/stack/localPostgres.ts";
import { startLocalNeo4j, stopLocalNeo4j } from "../src/stack/localNeo4j.ts";
import { dataDir, projectRoot } from "../src/stack/paths.ts";

const { values: args } = parseArgs({
  options: {
    database: { type: "string", default: "mobius_bench_soak" },
    "neo4j-port": { type: "string", default: "7804" },
    "first-port": { type: "string", default: "7805" },
    minutes: { type: "string", default: "10" },
    clients: { type: "string", default: "6" },
    "retention-seconds": { type: "string", default: "60" },
    out: { type: "string" },
  },
});
const minutes = Number(args.minutes);
const PRUNE_INTERVAL_MS = 10_000;
const SECRET = "soak-benchmark-secret-of-32-characters";
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const server = await resolvePostgres(undefined, "postgres");
const databaseUrl = await recreateDatabase(server.url, args.database);
await migrateDatabase(databaseUrl);
const localNeo4j = { port: Number(args["neo4j-port"]), home: path.join(dataDir, `neo4j-bench-${args["neo4j-port"]}`) };
const neo4jUri = (await startLocalNeo4j(localNeo4j)).uri;
const driver = neo4j.driver(neo4jUri, neo4j.auth.basic("neo4j", ""), { disableLosslessIntegers: true });
await driver.executeQuery("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", {}, { database: "neo4j" }).catch(async () => {
  const session = driver.session({ database: "neo4j" });
  await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").finally(() => session.close());
});
await ensureGraphSchema(driver, "neo4j");
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const [{ id: organizationId }] = (await db.query("INSERT INTO organizations (id, name, updated_at) VALUES (gen_random_uuid()::text, 'Soak', now()) RETURNING id")).rows;
const token = await mintToken(SECRET, { organizationId, role: "editor" });

// --- the gateways ---------------------------------------------------------------------------------
interface Gateway {
  readonly port: number;
  child: ChildProcess;
  /** Sent requests only while true: from /ready answering to the kill. */
  serving: boolean;
  /** When this life of the process became ready, in load minutes (negative: before the load). */
  since: number;
  rss: [minute: number, mb: number][];
}
// Set once every gateway is ready: the load's clock, not the start-up's.
let startedAt = Date.now();
const elapsedMinutes = () => (Date.now() - startedAt) / 60_000;
function spawnGateway(port: number): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEO4J_URI: neo4jUri,
      AUTH_JWT_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: "warn",
      OUTBOX_RETENTION_SECONDS: args["retention-seconds"],
      OUTBOX_PRUNE_INTERVAL_MS: String(PRUNE_INTERVAL_MS),
      // The load's operations are ad hoc, not in the trusted-documents manifest production requires.
      TRUSTED_DOCUMENTS: "allow-unknown",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
async function ready(port: number): Promise<void> {
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
const gateways: Gateway[] = [0, 1, 2].map((i) => ({ port: Number(args["first-port"]) + i, child: spawnGateway(Number(args["first-port"]) + i), serving: false, since: 0, rss: [] }));
await Promise.all(gateways.map((g) => ready(g.port)));
for (const g of gateways) g.serving = true;
startedAt = Date.now();
log(`3 gateways ready on ports ${gateways.map((g) => g.port).join(", ")}; load for ${minutes} min`);

// --- the load: each client owns its brands, so it knows each one's last version ------------------
const expected = new Map<string, { name: string; hexes: string[] }>();
// failed: requests cut by the kill (no answer); errors: answers with GraphQL errors, which should not happen.
const counts = { mutations: 0, reads: 0, failed: 0, errors: 0 };
class AnsweredWithErrors extends Error {}
let running = true;
async function gql(query: string, variables: Record<string, unknown>): Promise<any> {
  const live = gateways.filter((g) => g.serving);
  const g = live[Math.floor(Math.random() * live.length)]!;
  const res = await fetch(`http://127.0.0.1:${g.port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new AnsweredWithErrors(JSON.stringify(body.errors));
  return body.data;
}
const hexOf = () => `#${randomUUID().slice(0, 6).toUpperCase()}`;
// Assets use a few colors every client shares, so the three drainers change the same pair counts.
const assetPalette = Array.from({ length: 8 }, hexOf);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const assetColors = () => [...assetPalette].sort(() => Math.random() - 0.5).slice(0, 2 + Math.floor(Math.random() * 2)).map((hex) => ({ hex }));
/** Removes and returns a random element (before the delete is sent: one cut by a kill may still have committed). */
const takeOne = <T>(items: T[]): T => items.splice(Math.floor(Math.random() * items.length), 1)[0]!;

/** Asset and feedback writes on the client's own brands; a brand's deletion takes its assets along. */
async function assetStep(brands: string[], assets: { id: string; brandId: string }[], feedback: { id: string; assetId: string }[]): Promise<void> {
  const roll = Math.random();
  if (roll < 0.3 || assets.length < 5) {
    const brandId = pick(brands);
    const complianceScore = Math.random() < 0.2 ? null : Math.round(Math.random() * 100) / 100;
    const data = await gql("mutation($input: CreateAssetInput!) { createAsset(input: $input) { id } }", {
      input: { brandId, prompt: "soak", colors: assetColors(), complianceScore },
    });
    assets.push({ id: data.createAsset.id, brandId });
  } else if (roll < 0.6) {
    const assetId = pick(assets).id;
    const data = await gql("mutation($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }", {
      input: { assetId, action: Math.random() < 0.7 ? "approve" : "reject" },
    });
    feedback.push({ id: data.recordFeedback.id, assetId });
  } else if (roll < 0.75) {
    await gql("mutation($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { id } }", { id: pick(assets).id, input: { colors: assetColors() } });
  } else if (roll < 0.87 && feedback.length > 0) {
    await gql("mutation($id: ID!) { deleteFeedback(id: $id) }", { id: takeOne(feedback).id });
  } else if (roll < 0.97) {
    const gone = takeOne(assets);
    feedback.splice(0, feedback.length, ...feedback.filter((f) => f.assetId !== gone.id));
    await gql("mutation($id: ID!) { deleteAsset(id: $id) }", { id: gone.id });
  } else {
    const gone = takeOne(brands);
    const left = assets.filter((a) => a.brandId !== gone);
    feedback.splice(0, feedback.length, ...feedback.filter((f) => left.some((a) => a.id === f.assetId)));
    assets.splice(0, assets.length, ...left);
    await gql("mutation($id: ID!) { deleteBrand(id: $id) }", { id: gone });
  }
}

async function client(n: number): Promise<void> {
  const mine: string[] = [];
  const assets: { id: string; brandId: string }[] = [];
  const feedback: { id: string; assetId: string }[] = [];
  for (let i = 0; running; i++) {
    try {
      if (i % 3 === 2) {
        await gql(`{ brands(organizationId: "${organizationId}", first: 20) { edges { node { id name colors { hex } similarBrands { sharedColorCount } } } } }`, {});
        counts.reads++;
      } else if (mine.length < 30 || i % 3 === 0) {
        const hexes = [hexOf(), hexOf()];
        const name = `c${n}-b${mine.length} v0`;
        const data = await gql("mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }", {
          input: { organizationId, name, colors: hexes.map((hex) => ({ hex })) },
        });
        mine.push(data.createBrand.id);
        expected.set(data.createBrand.id, { name, hexes });
        counts.mutations++;
      } else if (i % 6 === 1) {
        await assetStep(mine, assets, feedback);
        counts.mutations++;
      } else {
        // Updates of one brand go out one after another, so the latest version is the one to find.
        const id = mine[Math.floor(Math.random() * mine.length)]!;
        const before = expected.get(id)!;
        const version = Number(before.name.split(" v")[1]) + 1;
        const name = `${before.name.split(" v")[0]} v${version}`;
        const hexes = [hexOf(), ...before.hexes.slice(0, 1)];
        await gql("mutation($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id } }", {
          id,
          input: { name, colors: hexes.map((hex) => ({ hex })) },
        });
        expected.set(id, { name, hexes });
        counts.mutations++;
      }
    } catch (error) {
      // A request to the process being killed: its write may or may not have committed; Postgres
      // tells which at the end (the comparison is Postgres against the graph, not against this map).
      if (error instanceof AnsweredWithErrors) {
        counts.errors++;
        if (counts.errors <= 3) log(`answered with errors: ${error.message.slice(0, 300)}`);
      } else counts.failed++;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const outboxRows: [minute: number, rows: number][] = [];
const loadAverages: number[] = [];
const sampler = setInterval(async () => {
  for (const g of gateways) {
    // A process just killed has no /proc entry: its sample is skipped.
    const status = (fs.existsSync(`/proc/${g.child.pid}/status`) ? fs.readFileSync(`/proc/${g.child.pid}/status`, "utf8") : "").match(/VmRSS:\s+(\d+)/);
    if (status && g.child.exitCode === null) g.rss.push([elapsedMinutes(), Number(status[1]) / 1024]);
  }
  const { rows } = await db.query("SELECT count(*)::int AS n FROM sync_events");
  outboxRows.push([elapsedMinutes(), rows[0].n]);
  loadAverages.push(os.loadavg()[0]!);
}, 10_000);

const clients = Array.from({ length: Number(args.clients) }, (_, n) => client(n));
const victim = gateways[0]!;
for (const at of [1 / 3, 2 / 3]) {
  await new Promise((r) => setTimeout(r, Math.max(0, startedAt + at * minutes * 60_000 - Date.now())));
  log(`SIGKILL gateway on port ${victim.port}`);
  victim.serving = false;
  victim.child.kill("SIGKILL");
  await new Promise((r) => setTimeout(r, 5_000));
  victim.child = spawnGateway(victim.port);
  victim.rss = [];
  await ready(victim.port);
  victim.serving = true;
  victim.since = elapsedMinutes();
  log(`gateway on port ${victim.port} restarted`);
}
await new Promise((r) => setTimeout(r, Math.max(0, startedAt + minutes * 60_000 - Date.now())));
running = false;
await Promise.all(clients);
clearInterval(sampler);
log(`load stopped: ${counts.mutations} mutations, ${counts.reads} reads, ${counts.failed} cut by the kills, ${counts.errors} answered with errors`);

// --- the verdict --------------------------------------------------------------------------------
const pending = async () => (await db.query("SELECT count(*)::int AS n FROM sync_events WHERE applied_at IS NULL")).rows[0].n as number;
while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 500));
const postgres = (
  await db.query(
    `SELECT b.id, b.name, coalesce(array_agg(c.hex ORDER BY c.hex) FILTER (WHERE c.hex IS NOT NULL), '{}') AS hexes
       FROM brands b LEFT JOIN brand_colors c ON c.brand_id = b.id WHERE b.organization_id = $1 GROUP BY b.id`,
    [organizationId],
  )
).rows as { id: string; name: string; hexes: string[] }[];
const { records } = await driver.executeQuery(
  `MATCH (b:Brand {organization_id: $org}) OPTIONAL MATCH (b)-[:OWNS_COLOR]->(c:Color)
   WITH b, c ORDER BY c.hex RETURN b.brand_id AS id, b.name AS name, collect(c.hex) AS hexes`,
  { org: organizationId },
  { database: "neo4j" },
);
const graph = new Map(records.map((r) => [r.get("id") as string, { name: r.get("name") as string, hexes: r.get("hexes") as string[] }]));
const duplicates = records.length - graph.size;
const lost = postgres.filter((row) => !graph.has(row.id)).length;
const extra = [...graph.keys()].filter((id) => !postgres.some((row) => row.id === id)).length;
const differing = postgres.filter((row) => {
  const node = graph.get(row.id);
  return node && (node.name !== row.name || node.hexes.join() !== row.hexes.join());
}).length;
// Color pair counts against the approved assets in Postgres (a graph-wide read: this Neo4j is the soak's own).
const pairsInPostgres = (
  await db.query(
    `WITH approved AS (
       SELECT a.id, a.compliance_score FROM assets a
        WHERE EXISTS (SELECT 1 FROM feedback f WHERE f.asset_id = a.id AND f.action = 'approve'))
     SELECT c1.hex || '-' || c2.hex AS pair, count(*)::int AS count, count(ap.compliance_score)::int AS scored
       FROM approved ap JOIN asset_colors c1 ON c1.asset_id = ap.id JOIN asset_colors c2 ON c2.asset_id = ap.id AND c1.hex < c2.hex
      GROUP BY 1`,
  )
).rows as { pair: string; count: number; scored: number }[];
const pairsInGraph = new Map(
  (
    await driver.executeQuery(
      `MATCH (c1:Color)-[p:${PAIRS_WITH}]->(c2:Color) RETURN c1.hex + '-' + c2.hex AS pair, p.count AS count, p.scored AS scored`,
      {},
      { database: "neo4j" },
    )
  ).records.map((r) => [r.get("pair") as string, { count: r.get("count") as number, scored: r.get("scored") as number }]),
);
const pairsDiffering = [
  ...pairsInPostgres.filter((row) => pairsInGraph.get(row.pair)?.count !== row.count || pairsInGraph.get(row.pair)?.scored !== row.scored),
  ...[...pairsInGraph.keys()].filter((pair) => !pairsInPostgres.some((row) => row.pair === pair)).map((pair) => ({ pair, count: 0, scored: 0 })),
].map((row) => ({ pair: row.pair, postgres: row.count, graph: pairsInGraph.get(row.pair)?.count ?? 0 }));
const [{ approvedAssets }] = (
  await db.query("SELECT count(DISTINCT asset_id)::int AS \"approvedAssets\" FROM feedback WHERE action = 'approve'")
).rows;

// Per-entity order: a brand whose last acknowledged update is in Postgres shows that version in the graph.
const outOfOrder = [...expected].filter(([id, want]) => postgres.find((r) => r.id === id)?.name === want.name && graph.get(id)?.name !== want.name).length;
const slope = (points: [number, number][]) => {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
};
// A process's first minutes are warm-up (JIT, caches, pools filling): the slope is taken from
// WARMUP_MINUTES after its current life began (the killed one's last life is the shortest series).
const WARMUP_MINUTES = 2;
const rssSlopes = gateways.map((g) => {
  const tail = g.rss.filter(([minute]) => minute >= g.since + WARMUP_MINUTES);
  return {
    port: g.port,
    restarted: g === gateways[0],
    fromMinute: Math.round((g.since + WARMUP_MINUTES) * 10) / 10,
    samples: tail.length,
    mbPerMinute: Math.round(slope(tail) * 100) / 100,
    firstMb: Math.round(tail[0]?.[1] ?? 0),
    lastMb: Math.round(tail.at(-1)?.[1] ?? 0),
  };
});
// Bounded by retention: the row count levels off (its slope over the second half near 0), and no
// applied row is older than the window plus one prune interval (and a batch's margin) at the end.
const outboxTail = outboxRows.slice(Math.floor(outboxRows.length / 2));
const [{ n: pastWindow }] = (
  await db.query(
    "SELECT count(*)::int AS n FROM sync_events WHERE applied_at < now() - ($1::int * interval '1 second') - ($2::int * interval '1 millisecond') - interval '5 seconds'",
    [Number(args["retention-seconds"]), PRUNE_INTERVAL_MS],
  )
).rows;
const result = {
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, loadAverage1m: { min: Math.min(...loadAverages), max: Math.max(...loadAverages) } },
  minutes,
  requests: counts,
  brands: postgres.length,
  graph: { lost, extra, duplicates, differing, outOfOrder },
  colorPairs: { approvedAssets, pairs: pairsInPostgres.length, differing: pairsDiffering.length, firstDiffering: pairsDiffering.slice(0, 5) },
  rssSlopes,
  outbox: {
    maxRows: Math.max(...outboxRows.map(([, n]) => n)),
    lastRows: outboxRows.at(-1)?.[1],
    rowsPerMinuteSlopeSecondHalf: Math.round(slope(outboxTail)),
    appliedRowsPastWindowAtEnd: pastWindow,
    retentionSeconds: Number(args["retention-seconds"]),
  },
};
console.log(JSON.stringify(result, null, 2));
if (args.out) fs.writeFileSync(args.out, JSON.stringify(result, null, 2));

for (const g of gateways) g.child.kill("SIGTERM");
await Promise.all(gateways.map((g) => new Promise((r) => (g.child.exitCode !== null ? r(null) : g.child.once("exit", r)))));
await db.end();
await driver.close();
await stopLocalNeo4j(localNeo4j);
await server.stop();

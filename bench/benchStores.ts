// The benchmark's own stores, never a developer's or a test run's: a database it drops and recreates
// on the Postgres server (mobius_bench by default) and a Neo4j of its own on a bench port with its
// store under .data/, started here and stopped by close(). Both are wiped whenever a data set loads.
import path from "node:path";
import pg from "pg";
import { parseRunOptions } from "../src/backfill/backfillOptions.ts";
import { runBackfill } from "../src/backfill/runBackfill.ts";
import { loadConfig, type Config } from "../src/config/config.ts";
import { createDriver } from "../src/graph/createDriver.ts";
import { ensureGraphSchema } from "../src/graph/ensureGraphSchema.ts";
import type { GraphConnection } from "../src/graph/graphConnection.ts";
import { createPrisma } from "../src/postgres/createPrisma.ts";
import { migrateDatabase } from "../src/postgres/migrate.ts";
import { recreateDatabase } from "../src/postgres/recreateDatabase.ts";
import { resolvePostgres } from "../src/stack/localPostgres.ts";
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from "../src/stack/localNeo4j.ts";
import { dataDir } from "../src/stack/paths.ts";
import { warmProjectionCypher } from "../src/projector/warmProjectionCypher.ts";
import type { ColorPopularity } from "./dataset/colorPopularity.ts";
import { generateDataset, type GeneratedDataset } from "./dataset/generateDataset.ts";
import { PRESETS, type PresetName } from "./dataset/presets.ts";
import { countGraph, sameCounts, wipeGraph, type GraphCounts } from "./support/benchGraph.ts";
import { describeGraph } from "./support/format.ts";
import { openDelayLink, type DelayLink } from "./support/delayLink.ts";
import { measureNeo4jLink, measurePostgresLink, type LinkMeasurement } from "./support/measureLink.ts";
import { round } from "./support/stats.ts";

export interface BenchStoresOptions {
  /** A URL on the Postgres server to use; default the local server on 5432 (else embedded PGlite). */
  readonly postgresUrl?: string;
  readonly database: string;
  readonly neo4jPort: number;
  /** Round trip added between the gateway and each database (a delay link per database); 0 for loopback. */
  readonly rttMs: number;
  /** How palettes and assets draw their colors from the pool, for every data set of the run. */
  readonly popularity: ColorPopularity;
}

/** The batch size every backfill in the benchmark uses (the CLI's maximum is 5,000). */
export const BENCH_BATCH_SIZE = 2_000;

/**
 * The bench's Neo4j gets a page cache that holds the large data set's store (about 2 GB), as Neo4j's
 * sizing guidance has it, and the same for every preset so the growth table compares like with like.
 */
const BENCH_NEO4J_MEMORY = { heapMb: 2048, pageCacheMb: 4096 };

/** The sync settings a run takes from the environment, as `loadConfig` reads them. */
export function syncTuningFromEnv(): Record<string, string> {
  const names = ["GRAPH_SYNC_COALESCE_MS", "GRAPH_SYNC_BATCH_SIZE", "GRAPH_SYNC_NICE"];
  return Object.fromEntries(names.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])));
}

export interface LoadedDataset extends GeneratedDataset {
  readonly preset: PresetName;
  readonly databaseUrl: string;
  readonly generateSeconds: number;
  /** null when the graph was left empty for the caller to fill. */
  readonly backfill: { readonly seconds: number; readonly graph: GraphCounts } | null;
}

export type BenchStores = Awaited<ReturnType<typeof openBenchStores>>;

export async function openBenchStores(options: BenchStoresOptions, log: (line: string) => void) {
  const server = await resolvePostgres(options.postgresUrl, "postgres");
  const localNeo4j = { port: options.neo4jPort, home: path.join(dataDir, `neo4j-bench-${options.neo4jPort}`), memory: BENCH_NEO4J_MEMORY };
  log(`starting the bench Neo4j on port ${options.neo4jPort} and migrating the database ${options.database} …`);
  // The sync's tuning knobs pass through (`GRAPH_SYNC_COALESCE_MS=120 npm run bench -- --suites sync`
  // measures another window); nothing else of the caller's environment reaches the bench's stores.
  const config: Config = loadConfig({ LOG_LEVEL: "silent", ...syncTuningFromEnv() });
  const prepared = await prepareStores(server.url, options.database, localNeo4j, config);
  // Everything after the setup — data generation, backfill, gateway and direct reads — goes through
  // the links, so both sides of every comparison cross the same distance.
  const { databaseUrl, graph, neo4jUri, network, closeLinks } = await across(prepared, options.rttMs, config, log);
  let backfilled: LoadedDataset | null = null;
  const loads: LoadedDataset[] = [];

  const emptyDatabase = () =>
    withClient(databaseUrl, (client) =>
      client.query(`DO $$ BEGIN
        EXECUTE (SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ') || ' RESTART IDENTITY CASCADE'
                   FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations');
      END $$`),
    );

  /**
   * Postgres gets the preset from the generator; the graph is either left empty (`fill: false`, for
   * the backfill suite to time) or filled by the project's backfill, through the same projector the
   * sync uses. A preset already loaded and backfilled is reused.
   */
  async function loadDataset(preset: PresetName, { fill }: { fill: boolean }): Promise<LoadedDataset> {
    if (fill && backfilled?.preset === preset) return backfilled;
    backfilled = null;
    await emptyDatabase();
    await wipeGraph(graph);

    log(`generating the ${preset} data set (${options.popularity} color popularity) …`);
    const generateStarted = performance.now();
    const generated = await withClient(databaseUrl, (client) => generateDataset(client, PRESETS[preset], options.popularity));
    const generateSeconds = round((performance.now() - generateStarted) / 1000);
    log(`${generated.rows} rows in ${generateSeconds} s`);

    let backfill: LoadedDataset["backfill"] = null;
    if (fill) {
      const prisma = createPrisma(databaseUrl, { maxConnections: 4 });
      const started = performance.now();
      await runBackfill({ prisma, graph }, parseRunOptions("backfill", { dryRun: false, batchSize: BENCH_BATCH_SIZE })).finally(() => prisma.$disconnect());
      backfill = { seconds: round((performance.now() - started) / 1000), graph: await countGraph(graph) };
      // Query numbers on a graph that is not Postgres' would measure the wrong thing.
      if (!sameCounts(backfill.graph, generated.expectedGraph)) {
        throw new Error(`the backfill of ${preset} wrote ${describeGraph(backfill.graph)}; its Postgres rows make ${describeGraph(generated.expectedGraph)}`);
      }
      log(`backfilled ${backfill.graph.nodes} nodes, ${backfill.graph.relationships} relationships in ${backfill.seconds} s`);
    }
    const loaded = { ...generated, preset, databaseUrl, generateSeconds, backfill };
    loads.push(loaded);
    if (fill) backfilled = loaded;
    return loaded;
  }

  async function versions() {
    const { rows } = await withClient(server.url, (client) => client.query<{ server_version: string }>("SHOW server_version"));
    const { records } = await graph.driver.executeQuery("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition", {}, { database: graph.database });
    return { postgres: rows[0]!.server_version.split(" ")[0]!, neo4j: `${records[0]!.get("version")} ${records[0]!.get("edition")}` };
  }

  return {
    config,
    graph,
    neo4jUri,
    /** The added round trip asked for and what the links measured; null on loopback. */
    network,
    loadDataset,
    versions,
    /** Every data set loaded so far, for the results file. */
    loads,
    async close() {
      await graph.driver.close();
      await closeLinks();
      await stopLocalNeo4j(localNeo4j);
      await server.stop();
    },
  };
}

/** An empty, migrated database and an empty graph with its schema, its statements planned. */
async function prepareStores(serverUrl: string, database: string, localNeo4j: LocalNeo4jOptions, config: Config) {
  // Both take seconds (a JVM, the Prisma CLI), much of it waiting: side by side.
  const neo4jStarting = startLocalNeo4j(localNeo4j);
  let graph: GraphConnection | undefined;
  try {
    const databaseUrl = await recreateDatabase(serverUrl, database);
    await migrateDatabase(databaseUrl);
    const { uri: neo4jUri, startedHere } = await neo4jStarting;
    // The bench wipes its graph: a server it did not start on its port may be someone else's.
    if (!startedHere && !(await localNeo4jStatus(localNeo4j)).pid) {
      throw new Error(`something that is not the benchmark's Neo4j already answers on port ${localNeo4j.port}; choose another with --neo4j-port`);
    }
    graph = { driver: createDriver(neo4jUri, config.neo4j), database: config.neo4j.database };
    await wipeGraph(graph);
    await ensureGraphSchema(graph.driver, graph.database);
    await warmProjectionCypher(graph);
    return { databaseUrl, graph, neo4jUri };
  } catch (error) {
    await neo4jStarting.catch(() => {});
    await graph?.driver.close();
    await stopLocalNeo4j(localNeo4j);
    throw error;
  }
}

interface PreparedStores {
  readonly databaseUrl: string;
  readonly graph: GraphConnection;
  readonly neo4jUri: string;
}

export interface BenchNetwork {
  readonly rttMs: number;
  readonly postgres: LinkMeasurement;
  readonly neo4j: LinkMeasurement;
}

/** The stores as seen across a delay link to each database, with the links measured; as they are for 0 ms. */
async function across(stores: PreparedStores, rttMs: number, config: Config, log: (line: string) => void) {
  if (rttMs <= 0) return { ...stores, network: null, closeLinks: async () => {} };
  const postgres = new URL(stores.databaseUrl);
  const bolt = new URL(stores.neo4jUri);
  const links: DelayLink[] = [
    await openDelayLink({ targetHost: postgres.hostname, targetPort: Number(postgres.port || 5432), rttMs }),
    await openDelayLink({ targetHost: bolt.hostname, targetPort: Number(bolt.port || 7687), rttMs }),
  ];
  const databaseUrl = Object.assign(new URL(postgres), { hostname: "127.0.0.1", port: String(links[0]!.port) }).toString();
  const neo4jUri = Object.assign(new URL(bolt), { hostname: "127.0.0.1", port: String(links[1]!.port) }).toString();
  const openDriver = (uri: string) => createDriver(uri, config.neo4j);
  const network: BenchNetwork = {
    rttMs,
    postgres: await measurePostgresLink(stores.databaseUrl, databaseUrl),
    neo4j: await measureNeo4jLink(stores.neo4jUri, neo4jUri, openDriver, config.neo4j.database),
  };
  log(`databases ${rttMs} ms away: a statement takes ${network.postgres.addedMs} ms longer on Postgres, ${network.neo4j.addedMs} ms on Neo4j`);
  await stores.graph.driver.close();
  return {
    databaseUrl,
    neo4jUri,
    graph: { driver: openDriver(neo4jUri), database: stores.graph.database },
    network,
    closeLinks: async () => {
      await Promise.all(links.map((link) => link.close()));
    },
  };
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

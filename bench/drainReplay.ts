// Not a suite: what the sync itself costs, apart from the mutations around it. The sync benchmark's
// throughput ratio says how much the drainer slows writers on two shared cores, but one phase's
// CPU per mutation moves by a third with the machine's mood. Here the writers run first with the
// sync off, recording batches of outbox events; then, with nothing else running, one drainer
// (drainPass, in this thread) projects each batch, claiming `batch` events a pass, while /proc
// counts the CPU this process, Postgres and Neo4j spend. Every batch holds new entities, as live
// passes do. Run several claim sizes to see a pass's fixed cost apart from its cost per event.
//
//   node --import tsx bench/drainReplay.ts [--batches 6,16,48] [--reps 3] [--warmup 6] [--seconds 8]
//
// The first `warmup` drains (cycling through the sizes) are not reported: a fresh JVM compiles
// what the projection runs for minutes (docs/sync.md).
import { parseArgs } from "node:util";
import pg from "pg";
import { Registry } from "prom-client";
import { createServer } from "../src/http/createServer.ts";
import { createDriver } from "../src/graph/createDriver.ts";
import { createLogger } from "../src/observability/createLogger.ts";
import { createPrisma, createSql, type PrismaClient } from "../src/postgres/createPrisma.ts";
import { drainPass, type DrainerDeps } from "../src/sync/drainPass.ts";
import { createSyncMetrics } from "../src/sync/syncMetrics.ts";
import { openBenchStores } from "./benchStores.ts";
import { benchDeps } from "./support/benchDeps.ts";
import { cpuTimeBetween, readCpuTime } from "./support/cpuTime.ts";
import { median, round } from "./support/stats.ts";
import { lastEventId, markAllApplied, runLoad } from "./syncThroughput.ts";

const { values: args } = parseArgs({
  options: {
    batches: { type: "string", default: "6,16,48" },
    reps: { type: "string", default: "3" },
    warmup: { type: "string", default: "6" },
    seconds: { type: "string", default: "8" },
    database: { type: "string", default: "mobius_bench" },
    "neo4j-port": { type: "string", default: "7792" },
  },
});
const batchSizes = args.batches.split(",").map(Number);
const reps = Number(args.reps);
const warmup = Number(args.warmup);
const started = performance.now();
const log = (line: string) => process.stderr.write(`[replay ${Math.round((performance.now() - started) / 1000)} s] ${line}\n`);

type Range = readonly [after: bigint, last: bigint];
interface Drain {
  readonly batch: number;
  readonly events: number;
  readonly passes: number;
  /** CPU ms per event: this process (the drainer), Postgres, Neo4j and of that its JIT. */
  readonly node: number;
  readonly postgres: number;
  readonly neo4j: number;
  readonly neo4jJit: number;
}

const stores = await openBenchStores({ database: args.database, neo4jPort: Number(args["neo4j-port"]), rttMs: 0, popularity: "uniform" }, log);
try {
  const data = await stores.loadDataset("medium", { fill: true });
  const bookkeeping = createPrisma(data.databaseUrl, { maxConnections: 2 });
  const order = [...Array(warmup).keys()].map((i) => batchSizes[i % batchSizes.length]!);
  for (let rep = 0; rep < reps; rep++) order.push(...(rep % 2 ? [...batchSizes].reverse() : batchSizes));
  log(`recording ${order.length} batches of ${args.seconds} s of mutations with the sync off …`);
  const ranges: Range[] = [];
  for (const _ of order) ranges.push(await recordBatch(bookkeeping, data.databaseUrl, data.sample.hexes));

  const pool = new pg.Pool({ connectionString: data.databaseUrl, max: 2 });
  const driver = createDriver(stores.neo4jUri, stores.config.neo4j);
  const deps: DrainerDeps = {
    sql: createSql(pool),
    graph: { driver, database: stores.config.neo4j.database },
    logger: createLogger("silent"),
    metrics: createSyncMetrics(new Registry()),
    settings: stores.config.graphSync,
    drainerId: "drain-replay",
  };
  const drains: Drain[] = [];
  try {
    for (const [i, batch] of order.entries()) {
      const drain = await drainBatch(bookkeeping, { ...deps, settings: { ...deps.settings, batchSize: batch } }, ranges[i]!, batch);
      log(`${i < warmup ? "warm-up " : ""}claiming ${batch}: ${drain.events} events in ${drain.passes} passes, CPU ms per event ${describe(drain)}`);
      if (i >= warmup) drains.push(drain);
    }
  } finally {
    await driver.close();
    await pool.end();
    await bookkeeping.$disconnect();
  }
  console.table(
    batchSizes.map((batch) => {
      const of = drains.filter((d) => d.batch === batch);
      const med = (part: keyof Drain) => round(median(of.map((d) => d[part])), 3);
      const perEvent = med("node") + med("postgres") + med("neo4j");
      const eventsPerPass = median(of.map((d) => d.events / d.passes));
      return {
        "claim size": batch,
        "events per pass": round(eventsPerPass, 1),
        "node ms/event": med("node"),
        "postgres ms/event": med("postgres"),
        "neo4j ms/event": med("neo4j"),
        "of that JIT": med("neo4jJit"),
        "total ms/event": round(perEvent, 3),
        "total ms/pass": round(perEvent * eventsPerPass, 1),
      };
    }),
  );
} finally {
  await stores.close();
}

/** One gateway with the sync off under the sync benchmark's writers; its events are then parked as applied. */
async function recordBatch(prisma: PrismaClient, databaseUrl: string, hexes: readonly string[]): Promise<Range> {
  const config = { ...stores.config, graphSyncEnabled: false };
  const deps = benchDeps({ config, neo4jUri: stores.neo4jUri }, databaseUrl, { maxConnections: 12 });
  const gateway = await createServer(deps);
  try {
    const after = await lastEventId(prisma);
    await runLoad({ url: await gateway.listen(0, "127.0.0.1"), rampSeconds: 0, seconds: Number(args.seconds), writers: 8, hexes }, () => {});
    await markAllApplied(prisma);
    return [after, await lastEventId(prisma)];
  } finally {
    await gateway.close();
    await deps.close();
  }
}

async function drainBatch(prisma: PrismaClient, deps: DrainerDeps, [after, last]: Range, batch: number): Promise<Drain> {
  await prisma.$executeRaw`UPDATE sync_events SET applied_at = NULL, applied_seq = NULL WHERE id > ${after} AND id <= ${last}`;
  // The claims then skip the dead index entries the parking left, as a live outbox's would.
  await prisma.$executeRawUnsafe("VACUUM sync_events");
  const from = readCpuTime();
  const cpuFrom = process.cpuUsage();
  let passes = 0;
  let events = 0;
  for (;;) {
    const { claimed } = await drainPass(deps);
    if (claimed === 0) break;
    passes += 1;
    events += claimed;
  }
  const cpu = process.cpuUsage(cpuFrom);
  const spent = cpuTimeBetween(from, readCpuTime());
  const perEvent = (seconds: number) => (seconds * 1000) / Math.max(1, events);
  return {
    batch,
    events,
    passes,
    node: perEvent((cpu.user + cpu.system) / 1e6),
    postgres: perEvent(spent.postgres),
    neo4j: perEvent(spent.neo4j),
    neo4jJit: perEvent(spent.neo4jJit),
  };
}

function describe(d: Drain): string {
  return `node ${round(d.node, 3)}, Postgres ${round(d.postgres, 3)}, Neo4j ${round(d.neo4j, 3)} (JIT ${round(d.neo4jJit, 3)})`;
}

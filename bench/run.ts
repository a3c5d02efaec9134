// `npm run bench`: every suite in one run on the benchmark's own stores, a table of measured values
// beside their goals, bench/results.json, and docs/performance.md and the README's summary rendered from it.
// Never part of `npm test`; `--smoke` (the tiny preset, a few repetitions) is, so the harness cannot rot.
//
//   npm run bench [-- --smoke] [--suites backfill,nestedCrud,relationshipQueries,sync,colorExtraction,patterns,subscriptions] [--preset NAME]
//                 [--popularity uniform|zipf] [--rtt-ms 2]
//                 [--out FILE] [--database mobius_bench] [--neo4j-port 7792] [--postgres-url URL]
//
// Only a full run with the default presets writes bench/results.json and the pages; any other run
// writes .data/bench/results.json (or --out), so a partial run never replaces the published numbers.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { dataDir } from "../src/stack/paths.ts";
import { openBenchStores, syncTuningFromEnv } from "./benchStores.ts";
import { COLOR_POPULARITIES, isColorPopularity } from "./dataset/colorPopularity.ts";
import { isPresetName, PRESETS } from "./dataset/presets.ts";
import { allChecks, SUITE_NAMES, type BenchResults, type SuiteName } from "./report/benchResults.ts";
import { machineAtStart, packageVersions } from "./report/runEnvironment.ts";
import { publishResults, RESULTS_FILE } from "./report/publishResults.ts";
import type { BenchContext, Suite } from "./suite.ts";
import { round } from "./support/stats.ts";
import { run as backfill } from "./suites/backfill.ts";
import { run as colorExtraction } from "./suites/colorExtraction.ts";
import { run as nestedCrud } from "./suites/nestedCrud.ts";
import { run as patterns } from "./suites/patterns.ts";
import { run as relationshipQueries } from "./suites/relationshipQueries.ts";
import { run as subscriptions } from "./suites/subscriptions.ts";
import { run as sync } from "./suites/sync.ts";

const SUITES: Record<SuiteName, Suite> = { backfill, nestedCrud, relationshipQueries, sync, colorExtraction, patterns, subscriptions };

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    suites: { type: "string" },
    preset: { type: "string" },
    out: { type: "string" },
    database: { type: "string", default: "mobius_bench" },
    "neo4j-port": { type: "string", default: "7792" },
    "postgres-url": { type: "string" },
    "rtt-ms": { type: "string", default: "0" },
    popularity: { type: "string", default: "uniform" },
  },
});
const suiteNames = args.suites ? args.suites.split(",").map((s) => s.trim()) : [...SUITE_NAMES];
const unknownSuites = suiteNames.filter((s) => !SUITE_NAMES.includes(s as SuiteName));
if (unknownSuites.length) usage(`unknown suite ${unknownSuites.join(", ")}; expected some of ${SUITE_NAMES.join(", ")}`);
const rttMs = Number(args["rtt-ms"]);
if (!(rttMs >= 0 && rttMs <= 100)) usage(`--rtt-ms must be a number of milliseconds from 0 to 100, got ${args["rtt-ms"]}`);
const popularity = args.popularity!;
if (!isColorPopularity(popularity)) usage(`unknown --popularity ${popularity}; expected one of ${COLOR_POPULARITIES.join(", ")}`);
if (args.preset !== undefined && !isPresetName(args.preset)) usage(`unknown preset ${args.preset}; expected one of ${Object.keys(PRESETS).join(", ")}`);
const presetOverride = args.smoke ? "tiny" : args.preset;
const presets = { backfill: presetOverride ?? "free", queries: presetOverride ?? "medium" } as BenchContext["presets"];
const publishes = !args.smoke && !args.preset && !args.suites && !args.out && rttMs === 0 && popularity === "uniform";
const outFile = args.out ?? (publishes ? RESULTS_FILE : path.join(dataDir, "bench", "results.json"));

const started = performance.now();
const log = (line: string) => process.stderr.write(`[bench ${Math.round((performance.now() - started) / 1000)} s] ${line}\n`);
const machine = machineAtStart();
const stores = await openBenchStores({ postgresUrl: args["postgres-url"], database: args.database, neo4jPort: Number(args["neo4j-port"]), rttMs, popularity }, log);
const ctx: BenchContext = { smoke: args.smoke, stores, presets, log };
const suites: BenchResults["suites"] = {};
let results: BenchResults;
try {
  for (const name of SUITE_NAMES.filter((s) => suiteNames.includes(s))) {
    log(`suite ${name}`);
    const suiteStarted = performance.now();
    const result = await SUITES[name](ctx);
    suites[name] = { ...result, seconds: round((performance.now() - suiteStarted) / 1000, 1) };
  }
  results = {
    date: new Date().toISOString(),
    command: measuredCommand(),
    smoke: args.smoke,
    durationSeconds: round((performance.now() - started) / 1000, 1),
    machine: machine(),
    network: stores.network,
    versions: { ...packageVersions(), ...(await stores.versions()) },
    datasets: stores.loads.map((d) => ({
      preset: d.preset,
      rows: d.rows,
      generateSeconds: d.generateSeconds,
      backfill: d.backfill && { seconds: d.backfill.seconds, ...d.backfill.graph },
    })),
    suites,
  };
} finally {
  await stores.close();
}

console.table(allChecks(results).map((c) => ({ what: c.what, measured: c.measured, goal: c.goal, met: c.met ?? "" })));
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
log(`results in ${path.relative(process.cwd(), outFile)}`);
if (publishes) {
  publishResults();
  log("docs/performance.md and the README summary regenerated");
}

/** The command that reproduces these numbers: where the stores live and the results go changes none. */
function measuredCommand(): string {
  const env = Object.entries(syncTuningFromEnv()).map(([name, value]) => `${name}=${value}`);
  const flags = [
    args.smoke && "--smoke",
    args.suites && `--suites ${args.suites}`,
    args.preset && `--preset ${args.preset}`,
    popularity !== "uniform" && `--popularity ${popularity}`,
    rttMs > 0 && `--rtt-ms ${rttMs}`,
  ].filter(Boolean);
  return [...env, "npm run bench", ...(flags.length ? ["--", ...flags] : [])].join(" ");
}

function usage(problem: string): never {
  process.stderr.write(`${problem}\nusage: npm run bench [-- --smoke] [--suites ${SUITE_NAMES.join(",")}] [--preset ${Object.keys(PRESETS).join("|")}] [--popularity ${COLOR_POPULARITIES.join("|")}] [--rtt-ms N] [--out FILE]\n`);
  process.exit(2);
}

// docs/performance.md, rendered whole from bench/results.json, so the published page is always
// exactly what the last full run measured, on which machine and versions. The notes on why the
// numbers are what they are live beside it, by hand, in docs/performance-notes.md.
import { formatCount } from "../support/format.ts";
import { allChecks, SUITE_NAMES, type BenchResults } from "./benchResults.ts";
import { markdownTable } from "./markdownTable.ts";

export function renderPerformancePage(results: BenchResults): string {
  const { machine: m, versions: v } = results;
  const minutes = Math.round(results.durationSeconds / 60);
  const datasets = results.datasets.map((d) => {
    const backfill = d.backfill ? `; backfilled into ${formatCount(d.backfill.nodes)} nodes and ${formatCount(d.backfill.relationships)} relationships in ${d.backfill.seconds} s` : "";
    return `- \`${d.preset}\`: ${formatCount(d.rows)} rows generated in ${d.generateSeconds} s${backfill}`;
  });
  return [
    "<!-- generated from bench/results.json by `npm run bench` or `npm run bench:readme` (bench/report/renderPerformancePage.ts): edit the renderer, not this page -->",
    "# Performance",
    "",
    `What the last full run of \`npm run bench\` measured against the goals the issues set, on ${results.date.slice(0, 10)}. ` +
      "The README shows the headline rows of this table. Why the numbers are what they are, what was tried and what was dropped: " +
      "[performance-notes.md](performance-notes.md); the sync benchmark's history: [sync.md](sync.md#the-sync-benchmark).",
    "",
    "## Results",
    "",
    ...markdownTable(allChecks(results).map((check) => ({ check }))),
    "",
    "## Data sets",
    "",
    ...datasets,
    "",
    "## Machine and versions",
    "",
    `- ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}; load average ${m.loadAverage.start} at the start of the run and ${m.loadAverage.end} at the end`,
    `- Node ${v.node}, Postgres ${v.postgres}, Neo4j ${v.neo4j}, Prisma ${v.prisma}, @neo4j/graphql ${v.neo4jGraphql}, Apollo Server ${v.apolloServer}`,
    `- commit ${v.commit}; the run took ${minutes} min`,
    "",
    "## Reproduce",
    "",
    "```bash",
    results.command,
    "```",
    "",
    "The run uses stores of its own: the database `mobius_bench` on the local Postgres server (dropped and recreated; " +
      "`--postgres-url` names another server, `--database` another name) and a local Neo4j on port 7792 (`--neo4j-port`) " +
      "with its store in `.data/neo4j-bench-<port>`, started and stopped by the run. A seeded generator (`bench/dataset/`, " +
      "presets `tiny`, `small`, `medium`, `free`, `large`) writes each data set into Postgres in bulk and the project's backfill builds the graph " +
      "from it. Every suite warms up, repeats, and reports medians and p99. A full run writes `bench/results.json` and regenerates this page " +
      "and the README's summary from it (`npm run bench:readme` does only that).",
    "",
    `- \`--suites ${SUITE_NAMES.join(",")}\` runs some suites and \`--preset NAME\` puts every suite on one data set; ` +
      "such partial runs write `.data/bench/results.json` (or the file `--out FILE` names) and leave this page and the README alone.",
    "- `--popularity zipf` draws colors as real palettes do (five near-universal neutrals, a power-law pool) instead of uniformly; " +
      "`--rtt-ms N` puts a delay link of N ms round trip between the gateway and each database (`bench/support/delayLink.ts`, measured at the start of the run). " +
      "The growth table at `large` and the figures across a link: [performance-at-scale.md](performance-at-scale.md).",
    "- `--smoke` runs every suite on the tiny preset in seconds; `npm test` runs it (`tests/integration/bench.smoke.int.test.ts`), so the harness cannot rot. " +
      "The benchmark itself is never part of `npm test`, and no test asserts a time.",
    "- On a machine shared with other work the numbers move between runs: compare ratios within one run, not across runs.",
    "",
  ].join("\n");
}

// The README's performance section, rendered from bench/results.json alone, so the table in the README
// is always exactly what the last full run measured.
import { formatCount } from "../support/format.ts";
import { allChecks, type BenchResults } from "./benchResults.ts";

export const START_MARKER = "<!-- bench:start: generated from bench/results.json by `npm run bench` (bench/report/renderPerformance.ts) -->";
export const END_MARKER = "<!-- bench:end -->";

const cell = (text: string) => text.replaceAll("|", "\\|");
const verdict = (met: boolean | null) => (met === null ? "—" : met ? "yes" : "**no**");

export function renderPerformance(results: BenchResults): string {
  const { machine: m, versions: v } = results;
  const rows = allChecks(results).map((c) => `| ${cell(c.what)} | ${cell(c.measured)} | ${cell(c.goal)} | ${verdict(c.met)} |`);
  const datasets = results.datasets.map((d) => {
    const backfill = d.backfill ? `, backfilled into ${formatCount(d.backfill.nodes)} nodes and ${formatCount(d.backfill.relationships)} relationships in ${d.backfill.seconds} s` : "";
    return `${d.preset} (${formatCount(d.rows)} rows generated in ${d.generateSeconds} s${backfill})`;
  });
  return [
    `Reproduce with \`${results.command}\` (this run: ${Math.round(results.durationSeconds / 60)} min). Run on ${results.date.slice(0, 10)}: ` +
      `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.os}, load average ${m.loadAverage.start} at the start and ${m.loadAverage.end} at the end; ` +
      `Node ${v.node}, Postgres ${v.postgres}, Neo4j ${v.neo4j}, Prisma ${v.prisma}, @neo4j/graphql ${v.neo4jGraphql}, Apollo Server ${v.apolloServer}; commit ${v.commit}.`,
    "",
    "| what | measured | goal | met |",
    "|---|---|---|---|",
    ...rows,
    "",
    `Data sets: ${datasets.join("; ")}.`,
  ].join("\n");
}

/** `readme` with the text between the markers replaced by the rendered section. */
export function withPerformanceSection(readme: string, results: BenchResults): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`the README has no "${START_MARKER}" … "${END_MARKER}" section to fill`);
  return `${readme.slice(0, start + START_MARKER.length)}\n${renderPerformance(results)}\n${readme.slice(end)}`;
}

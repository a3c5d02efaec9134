import { describe, expect, it } from "vitest";
import type { BenchResults } from "../../bench/report/benchResults.ts";
import { renderPerformancePage } from "../../bench/report/renderPerformancePage.ts";
import { END_MARKER, START_MARKER, renderReadmeSummary, withReadmeSummary } from "../../bench/report/renderReadmeSummary.ts";
import type { Check } from "../../bench/suite.ts";

const check = (what: string, measured: string, met: boolean | null, goal = met === null ? "—" : "some goal"): Check => ({ what, measured, goal, met });
const latency = (query: string, met: boolean) => check(`${query} via GraphQL: latency`, `p50 ${query.length} ms, p99 ${query.length * 3} ms`, met, "p50 ≤ 20 ms, p99 ≤ 100 ms");

const suites = {
  backfill: [check("full backfill, free data set (10 nodes, 20 relationships), median of 3", "37.2 s", true, "≤ 60 s"), check("peak RSS of the full backfill process, highest", "274 MB", true)],
  nestedCrud: [check("the same query's latency", "p50 194.69 ms", null)],
  relationshipQueries: [
    latency("similarBrands (min 3, top 5)", true),
    check("similarBrands (min 3, top 5): p50 via GraphQL / p50 direct", "1.59", false, "≤ 1.5"),
    latency("Color.pairings (min 5, top 10)", true),
    latency("Color.brands (every brand using it)", false),
    check("brand colors via REST GET /v1/brands/{id}/graph: latency", "p50 1 ms | p99 6 ms", true),
  ],
  sync: [check("mutation throughput, sync on vs GRAPH_SYNC_ENABLED=false (8 writers)", "125 vs 222 /s, ratio 0.56", false, "ratio ≥ 0.8"), check("commit-to-graph lag at that load", "p99 363 ms", false, "p99 ≤ 250 ms")],
};

const results: BenchResults = {
  date: "2026-12-02T02:40:11.081Z",
  command: "GRAPH_SYNC_COALESCE_MS=80 npm run bench",
  smoke: false,
  durationSeconds: 471.4,
  machine: { cpus: 2, cpuModel: "Some CPU", memoryGb: 24, os: "Linux 6", loadAverage: { start: 0.94, end: 2.77 } },
  versions: { node: "v20.20.2", postgres: "15.20", neo4j: "5.26.19 community", prisma: "6.19.3", neo4jGraphql: "7.6.3", apolloServer: "5.5.1", commit: "abc1234" },
  datasets: [
    { preset: "free", rows: 441_117, generateSeconds: 8.79, backfill: null },
    { preset: "medium", rows: 624_051, generateSeconds: 16, backfill: { seconds: 44.97, nodes: 130_500, relationships: 623_051 } },
  ],
  suites: Object.fromEntries(Object.entries(suites).map(([name, checks]) => [name, { checks, data: {}, seconds: 1 }])),
};

describe("docs/performance.md", () => {
  const page = renderPerformancePage(results);

  it("holds every check of the run, in suite order, with pipes escaped and a verdict per goal", () => {
    const rows = page.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| what"));
    expect(rows).toEqual(Object.values(suites).flat().map((c) => `| ${c.what} | ${c.measured.replaceAll("|", "\\|")} | ${c.goal} | ${c.met === null ? "—" : c.met ? "yes" : "**no**"} |`));
  });

  it("names the data sets, the machine with its load, the versions, the commit and the command that reproduces it", () => {
    expect(page).toContain("- `free`: 441,117 rows generated in 8.79 s\n");
    expect(page).toContain("- `medium`: 624,051 rows generated in 16 s; backfilled into 130,500 nodes and 623,051 relationships in 44.97 s\n");
    expect(page).toContain("2 × Some CPU, 24 GB, Linux 6; load average 0.94 at the start of the run and 2.77 at the end");
    expect(page).toContain("Node v20.20.2, Postgres 15.20, Neo4j 5.26.19 community, Prisma 6.19.3, @neo4j/graphql 7.6.3, Apollo Server 5.5.1");
    expect(page).toContain("commit abc1234; the run took 8 min");
    expect(page).toContain("```bash\nGRAPH_SYNC_COALESCE_MS=80 npm run bench\n```");
  });
});

describe("the README's performance summary", () => {
  const summary = renderReadmeSummary(results);

  it("shows only the headline rows under short names, links the page, and names every other goal the run missed", () => {
    const rows = summary.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| what"));
    expect(rows).toEqual([
      "| full backfill of the free data set | 37.2 s | ≤ 60 s | yes |",
      `| Brand.similarBrands via GraphQL | ${suites.relationshipQueries[0]!.measured} | p50 ≤ 20 ms, p99 ≤ 100 ms | yes |`,
      `| Color.pairings via GraphQL | ${suites.relationshipQueries[2]!.measured} | p50 ≤ 20 ms, p99 ≤ 100 ms | yes |`,
      `| Color.brands via GraphQL | ${suites.relationshipQueries[3]!.measured} | p50 ≤ 20 ms, p99 ≤ 100 ms | **no** |`,
      "| mutation throughput, sync on vs off | 125 vs 222 /s, ratio 0.56 | ratio ≥ 0.8 | **no** |",
      "| commit-to-graph lag at that load | p99 363 ms | p99 ≤ 250 ms | **no** |",
    ]);
    expect(summary).toContain("[docs/performance.md](docs/performance.md)");
    expect(summary).toContain("Also not met in this run: similarBrands (min 3, top 5): p50 via GraphQL / p50 direct — 1.59, goal ≤ 1.5.");
  });

  it("refuses a run that lacks a headline row rather than publish a shorter table", () => {
    const partial: BenchResults = { ...results, suites: { ...results.suites, sync: undefined } };
    expect(() => renderReadmeSummary(partial)).toThrow(/mutation throughput, sync on vs off.*suite sync/);
  });

  it("replaces only what lies between its markers", () => {
    const readme = `# Title\n\n${START_MARKER}\nold table\n${END_MARKER}\n\n## Development\n`;
    expect(withReadmeSummary(readme, results)).toBe(`# Title\n\n${START_MARKER}\n${summary}\n${END_MARKER}\n\n## Development\n`);
    expect(() => withReadmeSummary("# Title\n", results)).toThrow(/no ".*bench:start/);
  });
});

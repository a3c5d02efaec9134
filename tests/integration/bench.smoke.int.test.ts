// `npm run bench` is never part of `npm test`; its smoke mode is, so the harness cannot rot: every
// suite runs on the tiny preset against the benchmark's own database and Neo4j (here beside the test
// run's, on ports and names of this test slot), and docs/performance.md and the README summary render
// from what it wrote.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SUITE_NAMES, allChecks, type BenchResults } from "../../bench/report/benchResults.ts";
import { renderPerformancePage } from "../../bench/report/renderPerformancePage.ts";
import { END_MARKER, START_MARKER, renderReadmeSummary, withReadmeSummary } from "../../bench/report/renderReadmeSummary.ts";
import { projectRoot } from "../../src/stack/paths.ts";
import { testStack } from "../support/testStack.ts";
import { workerStack } from "../support/workerStack.ts";

describe("npm run bench -- --smoke", () => {
  it("runs every suite, writes a results file with machine and versions, and the performance page and README summary render from it", async () => {
    const { databaseName, neo4jPort } = testStack();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mobius-bench-")), "results.json");
    const args = ["--smoke", "--out", out, "--postgres-url", workerStack().databaseUrl, "--database", `${databaseName}_bench`, "--neo4j-port", String(neo4jPort + 200)];
    await promisify(execFile)(process.execPath, ["--import", "tsx", "bench/run.ts", ...args], { cwd: projectRoot, timeout: 330_000 });

    const results = JSON.parse(fs.readFileSync(out, "utf8")) as BenchResults;
    expect(results.smoke).toBe(true);
    expect(results.machine.cpus).toBeGreaterThan(0);
    expect(results.versions).toMatchObject({ node: process.version, postgres: expect.any(String), neo4j: expect.stringMatching(/^5\./) });
    expect(Object.keys(results.suites)).toEqual([...SUITE_NAMES]);
    for (const name of SUITE_NAMES) {
      const suite = results.suites[name]!;
      expect(suite.checks.length, name).toBeGreaterThan(0);
      for (const check of suite.checks) expect(check).toEqual({ what: expect.any(String), measured: expect.stringMatching(/\S/), goal: expect.any(String), met: check.met === null ? null : expect.any(Boolean) });
    }

    const { backfill, nestedCrud, relationshipQueries, sync } = results.suites as Required<BenchResults["suites"]>;
    const full = backfill.data.full as { seconds: number; peakRssMb: number; graph: { nodes: number }; expectedGraph: unknown };
    expect(full.seconds).toBeGreaterThan(0);
    expect(full.peakRssMb).toBeGreaterThan(0);
    expect(full.graph).toEqual(full.expectedGraph);
    expect(backfill.data.slice).toMatchObject({ sameGraph: true, speedup: expect.any(Number) });
    expect(nestedCrud.data.statementsPerRequest).toEqual([4]);
    const queries = relationshipQueries.data.results as { gateway: { p50: number; samples: number }; direct: { p50: number }; floor: { samples: number } | null }[];
    expect(queries).toHaveLength(4);
    for (const q of queries) expect([q.gateway.p50, q.direct.p50, q.gateway.samples]).toEqual([expect.any(Number), expect.any(Number), 10]);
    // The two queries with a ratio goal are also timed through the bare Apollo Server.
    expect(queries.map((q) => q.floor?.samples ?? null)).toEqual([10, 10, null, null]);
    expect(sync.data).toMatchObject({ syncOnPerSecond: expect.any(Number), syncOffPerSecond: expect.any(Number), ratio: expect.any(Number) });
    expect(sync.data.syncOffPerSecond).toBeGreaterThan(0);
    expect(results.datasets.map((d) => d.preset)).toEqual(["tiny", "tiny"]);

    const page = renderPerformancePage(results);
    for (const check of allChecks(results)) expect(page).toContain(`| ${check.what.replaceAll("|", "\\|")} | ${check.measured.replaceAll("|", "\\|")} |`);
    const summary = renderReadmeSummary(results);
    // The sync suite's headline rows (throughput and lag); its capture-overhead rows are on the page.
    const syncHeadlines = sync.checks.filter((c) => /^(mutation throughput|commit-to-graph lag)/.test(c.what));
    expect(syncHeadlines).toHaveLength(2);
    for (const check of [...syncHeadlines, backfill.checks[0]!]) expect(summary).toContain(`| ${check.measured} | ${check.goal} |`);
    const readme = `# Title\n\n## Performance\n\n${START_MARKER}\nold table\n${END_MARKER}\n\n## Development\n`;
    expect(withReadmeSummary(readme, results)).toBe(`# Title\n\n## Performance\n\n${START_MARKER}\n${summary}\n${END_MARKER}\n\n## Development\n`);
  }, 360_000);
});

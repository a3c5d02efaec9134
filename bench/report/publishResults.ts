import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/stack/paths.ts";
import type { BenchResults } from "./benchResults.ts";
import { renderPerformancePage } from "./renderPerformancePage.ts";
import { withReadmeSummary } from "./renderReadmeSummary.ts";

export const RESULTS_FILE = path.join(projectRoot, "bench", "results.json");
export const README_FILE = path.join(projectRoot, "README.md");
export const PERFORMANCE_PAGE = path.join(projectRoot, "docs", "performance.md");

/** Regenerates docs/performance.md and the README's summary from a results file. */
export function publishResults(resultsFile = RESULTS_FILE, { readme = README_FILE, page = PERFORMANCE_PAGE } = {}): void {
  const results = JSON.parse(fs.readFileSync(resultsFile, "utf8")) as BenchResults;
  // Both rendered before either is written: a results file the summary cannot use changes nothing.
  const summarised = withReadmeSummary(fs.readFileSync(readme, "utf8"), results);
  const rendered = renderPerformancePage(results);
  fs.mkdirSync(path.dirname(page), { recursive: true });
  fs.writeFileSync(page, rendered);
  fs.writeFileSync(readme, summarised);
}

import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/stack/paths.ts";
import type { BenchResults } from "./benchResults.ts";
import { withPerformanceSection } from "./renderPerformance.ts";

export const RESULTS_FILE = path.join(projectRoot, "bench", "results.json");
export const README_FILE = path.join(projectRoot, "README.md");

/** Regenerates the README's performance section from a results file. */
export function updateReadme(resultsFile = RESULTS_FILE, readmeFile = README_FILE): void {
  const results = JSON.parse(fs.readFileSync(resultsFile, "utf8")) as BenchResults;
  fs.writeFileSync(readmeFile, withPerformanceSection(fs.readFileSync(readmeFile, "utf8"), results));
}

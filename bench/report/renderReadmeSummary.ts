// The README's performance summary: the rows a reader decides on, beside their goals, and a link to
// the whole table (docs/performance.md). Rendered from bench/results.json alone, like the page.
import type { Check } from "../suite.ts";
import { allChecks, type BenchResults, type SuiteName } from "./benchResults.ts";
import { markdownTable } from "./markdownTable.ts";

export const START_MARKER = "<!-- bench:start: generated from bench/results.json by `npm run bench` (bench/report/renderReadmeSummary.ts) -->";
export const END_MARKER = "<!-- bench:end -->";

interface Headline {
  readonly suite: SuiteName;
  readonly label: string;
  /** Which of the suite's checks: matched on its `what`, which the suite words (bench/suites/). */
  readonly what: RegExp;
}

const HEADLINES: readonly Headline[] = [
  { suite: "backfill", label: "full backfill of the free data set", what: /^full backfill,/ },
  { suite: "relationshipQueries", label: "Brand.similarBrands via GraphQL", what: /^similarBrands .* via GraphQL: latency$/ },
  { suite: "relationshipQueries", label: "Color.pairings via GraphQL", what: /^Color\.pairings .* via GraphQL: latency$/ },
  { suite: "relationshipQueries", label: "Color.brands via GraphQL", what: /^Color\.brands .* via GraphQL: latency$/ },
  { suite: "sync", label: "mutation throughput, sync on vs off", what: /^mutation throughput, sync on vs/ },
  { suite: "sync", label: "commit-to-graph lag at that load", what: /^commit-to-graph lag/ },
];

function headlineChecks(results: BenchResults): { check: Check; label: string }[] {
  return HEADLINES.map(({ suite, label, what }) => {
    const check = results.suites[suite]?.checks.find((c) => what.test(c.what));
    if (!check) throw new Error(`bench results have no "${label}" row (suite ${suite}): the README summary needs a full run of every suite`);
    return { check, label };
  });
}

export function renderReadmeSummary(results: BenchResults): string {
  const headlines = headlineChecks(results);
  const shown = new Set(headlines.map((h) => h.check));
  const alsoMissed = allChecks(results).filter((c) => c.met === false && !shown.has(c));
  const { machine: m, versions: v } = results;
  return [
    `Run on ${results.date.slice(0, 10)}, ${m.cpus} × ${m.cpuModel}, commit ${v.commit}. The whole table, the data sets, the machine, the versions and how to reproduce: [docs/performance.md](docs/performance.md).`,
    "",
    ...markdownTable(headlines),
    ...(alsoMissed.length ? ["", `Also not met in this run: ${alsoMissed.map((c) => `${c.what} — ${c.measured}, goal ${c.goal}`).join("; ")}.`] : []),
  ].join("\n");
}

/** `readme` with the text between the markers replaced by the rendered summary. */
export function withReadmeSummary(readme: string, results: BenchResults): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`the README has no "${START_MARKER}" … "${END_MARKER}" section to fill`);
  return `${readme.slice(0, start + START_MARKER.length)}\n${renderReadmeSummary(results)}\n${readme.slice(end)}`;
}

// The results tables' markdown, shared by the performance page and the README summary.
import type { Check } from "../suite.ts";

const cell = (text: string) => text.replaceAll("|", "\\|");
const verdict = (met: boolean | null) => (met === null ? "—" : met ? "yes" : "**no**");

/** A `what | measured | goal | met` table; `label` replaces a check's own `what` where given. */
export function markdownTable(rows: ReadonlyArray<{ readonly check: Check; readonly label?: string }>): string[] {
  return [
    "| what | measured | goal | met |",
    "|---|---|---|---|",
    ...rows.map(({ check: c, label }) => `| ${cell(label ?? c.what)} | ${cell(c.measured)} | ${cell(c.goal)} | ${verdict(c.met)} |`),
  ];
}

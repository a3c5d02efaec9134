// The table a CLI run ends with: one row per entity kind, the columns of its report.
import type { EntityLine } from "./callRunMutation.ts";

const BACKFILL_COLUMNS = ["created", "updated", "unchanged", "deferred", "total"];
const RECONCILE_COLUMNS = ["missing", "extra", "differing", "differingNodes", "differingRelationships", "repaired", "postgresCount", "graphCount"];

export function summaryTable(entities: readonly EntityLine[], reconcile: boolean): string {
  const columns = ["entity", ...(reconcile ? RECONCILE_COLUMNS : BACKFILL_COLUMNS)];
  const rows = entities.map((e) => columns.map((c) => (e[c] === null || e[c] === undefined ? "-" : String(e[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n") + "\n";
}

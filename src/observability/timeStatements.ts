import { postgresQueryHistogram, type Registry } from "./metricsRegistry.ts";

/** Feeds every SQL statement's duration into the registry, labelled by its leading keyword. */
export function timeStatements(registry: Registry): (sql: string, durationMs: number) => void {
  const histogram = postgresQueryHistogram(registry);
  return (sql, durationMs) => {
    const keyword = /^\s*(?:\/\*.*?\*\/\s*)?(\w+)/s.exec(sql)?.[1]?.toUpperCase() ?? "OTHER";
    histogram.observe({ statement: keyword }, durationMs / 1000);
  };
}

// The refresher's series: how long a recomputation takes, and the staleness of the graph's
// patterns, read at scrape time (from the graph's record), so any replica reports it.
import { Gauge, Histogram } from "prom-client";
import type { PatternSettings } from "../config/config.ts";
import type { Registry } from "../observability/metricsRegistry.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { PatternRefresher } from "./patternRefresher.ts";
import { readPatternStatus } from "./readPatternStatus.ts";

export function registerPatternMetrics(registry: Registry, sql: Sql, refresher: () => PatternRefresher | null, settings: PatternSettings) {
  const duration = new Histogram({
    name: "mobius_pattern_refresh_duration_seconds",
    help: "Time to recompute and rewrite the learned industry patterns",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  new Gauge({
    name: "mobius_pattern_staleness_seconds",
    help: "Seconds since the oldest change the graph's learned patterns do not reflect yet (0: up to date)",
    registers: [registry],
    async collect() {
      const running = refresher();
      if (!running) return;
      // A scrape must not fail because a database blinked; the gauge keeps its last value.
      const status = await readPatternStatus(sql, running, settings).catch(() => null);
      if (status) this.set(status.stalenessSeconds);
    },
  });
  return (seconds: number) => duration.observe(seconds);
}

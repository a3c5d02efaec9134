// One prom-client registry per gateway, passed through deps (no global default registry), so tests
// and several servers in one process never share counters. A later issue serves it on /metrics.
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { SyncStatus } from "../sync/readSyncStatus.ts";

export interface Metrics {
  readonly registry: Registry;
  readonly graphProjectedEvents: Counter<"entity">;
  readonly graphProjectionFailures: Counter<"entity">;
  readonly graphProjectionSeconds: Histogram;
}

/**
 * `readSyncStatus` feeds the outbox gauges at scrape time, so they show the backlog even while the
 * kill switch has stopped every drainer.
 */
export function createMetrics(readSyncStatus?: () => Promise<SyncStatus>): Metrics {
  const registry = new Registry();
  const statusGauge = (name: string, help: string, pick: (s: SyncStatus) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        if (!readSyncStatus) return;
        // A scrape must not fail because Postgres blinked; the gauge keeps its last value.
        const status = await readSyncStatus().catch(() => undefined);
        if (status) this.set(pick(status));
      },
    });
  statusGauge("graph_sync_pending_events", "Outbox events not yet applied to Neo4j", (s) => s.pendingEvents);
  statusGauge(
    "graph_sync_oldest_pending_age_seconds",
    "Age of the oldest outbox event not yet applied to Neo4j",
    (s) => s.oldestPendingAgeSeconds ?? 0,
  );
  statusGauge("graph_sync_failed_events", "Pending outbox events that failed at least once", (s) => s.failedEvents);
  return {
    registry,
    graphProjectedEvents: new Counter({
      name: "graph_sync_projected_events_total",
      help: "Outbox events applied to Neo4j",
      labelNames: ["entity"],
      registers: [registry],
    }),
    graphProjectionFailures: new Counter({
      name: "graph_sync_projection_failures_total",
      help: "Outbox events whose projection failed and was rescheduled",
      labelNames: ["entity"],
      registers: [registry],
    }),
    graphProjectionSeconds: new Histogram({
      name: "graph_sync_projection_duration_seconds",
      help: "Duration of one drainer pass: claim, read Postgres, write Neo4j, mark applied",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

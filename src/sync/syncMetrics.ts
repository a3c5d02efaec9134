// The graph sync's series, registered in the gateway's registry (served at GET /metrics).
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { SyncStatus } from "../outbox/readSyncStatus.ts";

/** What the drainer reports to; in its thread (drainerWorker.ts), stand-ins that forward here. */
export interface SyncMetrics {
  readonly graphProjectedEvents: Pick<Counter<"entity">, "inc">;
  readonly graphProjectionFailures: Pick<Counter<"entity">, "inc">;
  readonly graphProjectionSeconds: Pick<Histogram, "startTimer">;
}

/** The series themselves, in the gateway's registry. */
export interface SyncMetricSeries extends SyncMetrics {
  readonly graphProjectedEvents: Counter<"entity">;
  readonly graphProjectionFailures: Counter<"entity">;
  readonly graphProjectionSeconds: Histogram;
}

/**
 * `readSyncStatus` feeds the outbox gauges at scrape time, so they show the backlog even while the
 * kill switch has stopped every drainer.
 */
export function createSyncMetrics(registry: Registry, readSyncStatus?: () => Promise<SyncStatus>): SyncMetricSeries {
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
  statusGauge("mobius_graph_sync_pending_events", "Outbox events not yet applied to Neo4j", (s) => s.pendingEvents);
  statusGauge(
    "mobius_graph_sync_oldest_pending_age_seconds",
    "Age of the oldest outbox event not yet applied to Neo4j",
    (s) => s.oldestPendingAgeSeconds ?? 0,
  );
  statusGauge("mobius_graph_sync_failed_events", "Pending outbox events that failed at least once", (s) => s.failedEvents);
  return {
    graphProjectedEvents: new Counter({
      name: "mobius_graph_sync_projected_events_total",
      help: "Outbox events applied to Neo4j",
      labelNames: ["entity"],
      registers: [registry],
    }),
    graphProjectionFailures: new Counter({
      name: "mobius_graph_sync_projection_failures_total",
      help: "Outbox events whose projection failed and was rescheduled",
      labelNames: ["entity"],
      registers: [registry],
    }),
    graphProjectionSeconds: new Histogram({
      name: "mobius_graph_sync_projection_duration_seconds",
      help: "Duration of one drainer pass: claim, read Postgres, write Neo4j, mark applied",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

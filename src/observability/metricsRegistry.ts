// One Prometheus registry per gateway (not prom-client's global one), so tests can build several
// gateways in one process and each scrape shows only its own series.
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

export type { Registry };

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "mobius_" });
  return registry;
}

/** Seconds buckets from 1 ms to 10 s: database calls and GraphQL operations alike. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function postgresQueryHistogram(registry: Registry): Histogram<"statement"> {
  return new Histogram({
    name: "mobius_postgres_query_duration_seconds",
    help: "Duration of SQL statements sent by Prisma, by statement kind",
    labelNames: ["statement"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
}

/** Feeds graph reads into the registry, labelled by statement name (a fixed set, see src/relationships). */
export function timeGraphQueries(registry: Registry): (name: string, seconds: number) => void {
  const histogram = new Histogram({
    name: "mobius_neo4j_query_duration_seconds",
    help: "Duration of the gateway's named Cypher reads",
    labelNames: ["query"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (name, seconds) => histogram.observe({ query: name }, seconds);
}

// Graph size and capacity as gauges, read from Neo4j's count store at scrape time, so an alert
// fires from 80% of the tier's caps before writes start failing.
import { Gauge } from "prom-client";
import { readGraphHealth } from "./readGraphHealth.ts";
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";

export function registerGraphCapacityGauges(deps: Pick<GatewayDeps, "graph" | "config" | "metrics">): void {
  const registry = deps.metrics;
  const read = async () => {
    const report = await readGraphHealth(deps);
    return report.status === "healthy" ? report : undefined;
  };
  new Gauge({
    name: "mobius_graph_elements",
    help: "Nodes and relationships in the graph",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      const report = await read();
      if (!report) return;
      this.set({ kind: "nodes" }, report.node_count);
      this.set({ kind: "relationships" }, report.relationship_count);
    },
  });
  new Gauge({
    name: "mobius_graph_capacity_used_ratio",
    help: "Share of the graph tier's node or relationship cap in use (GRAPH_NODE_LIMIT, GRAPH_RELATIONSHIP_LIMIT)",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      const report = await read();
      if (!report) return;
      this.set({ kind: "nodes" }, report.capacity.nodes_used_percent / 100);
      this.set({ kind: "relationships" }, report.capacity.relationships_used_percent / 100);
    },
  });
}

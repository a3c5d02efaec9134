// What an operator sees: health and readiness, the graph health report, Prometheus metrics that
// move with real operations, and structured logs with request ids and no secrets.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalNeo4j, stopLocalNeo4j } from "../../src/stack/localNeo4j.ts";
import { projectRoot } from "../../src/stack/paths.ts";
import { captureLogs } from "../support/captureLogs.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { testStack } from "../support/testStack.ts";

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
};

/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(exposition: string, series: string): number | undefined {
  const line = exposition.split("\n").find((l) => l.startsWith(series + " "));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("operations with the graph running", () => {
  let gateway: TestGateway;
  const logs = captureLogs();
  beforeAll(async () => {
    gateway = await startTestGateway(createTestDeps({ logger: logs.logger }));
  });
  afterAll(() => gateway.close());

  it("answers liveness and readiness", async () => {
    expect(await getJson(`${gateway.url}/health`)).toEqual({ status: 200, body: { status: "ok" } });
    expect(await getJson(`${gateway.url}/ready`)).toEqual({
      status: 200,
      body: { ready: true, postgres: "ready", capture: { ready: true }, graph: "HEALTHY", graphCatchingUp: false },
    });
  });

  it("reports graph health in the seed plan's shape, with capacity", async () => {
    const { driver } = gateway.deps.graph!;
    const id = `health-${Date.now()}`;
    await driver.executeQuery("CREATE (:Template {template_id: $id})", { id });
    const { status, body } = await getJson(`${gateway.url}/v1/health/graph`);
    await driver.executeQuery("MATCH (t:Template {template_id: $id}) DELETE t", { id });

    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "healthy", database: "neo4j" });
    expect(body.node_count).toBeGreaterThanOrEqual(1);
    expect(body.stats_by_label).toContainEqual({ label: "Template", count: expect.any(Number) });
    expect(body.capacity).toMatchObject({ node_limit: 200_000, relationship_limit: 400_000, state: "ok" });
    expect(body.capacity.nodes_used_percent).toBeCloseTo((body.node_count / 200_000) * 100, 1);
  });

  it("serves the same report as a GraphQL query", async () => {
    const result = await gateway.graphql("{ graphHealth { status database nodeCount capacity { nodeLimit state } } }");
    expect(result.data.graphHealth).toMatchObject({
      status: "healthy",
      database: "neo4j",
      capacity: { nodeLimit: 200_000, state: "ok" },
    });
  });

  it("moves the operation, error and Postgres series on /metrics", async () => {
    const before = await (await fetch(`${gateway.url}/metrics`)).text();
    const okSeries = 'mobius_graphql_operation_duration_seconds_count{operation_name="MetricsProbe",operation_type="query",outcome="ok"}';
    const failedSeries = 'mobius_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}';
    const pgSeries = 'mobius_postgres_query_duration_seconds_count{statement="SELECT"}';

    await gateway.graphql("query MetricsProbe { health { postgres } }");
    await gateway.graphql("query MetricsProbe { health { postgres } }");
    await gateway.graphql(`query Pairings { color(hex: "#0A0B0C") { hex } }`);
    await gateway.graphql("query Broken { nope }");

    const after = await (await fetch(`${gateway.url}/metrics`)).text();
    expect((sample(after, okSeries) ?? 0) - (sample(before, okSeries) ?? 0)).toBe(2);
    expect((sample(after, failedSeries) ?? 0) - (sample(before, failedSeries) ?? 0)).toBe(1);
    expect(sample(after, pgSeries)).toBeGreaterThan(sample(before, pgSeries) ?? 0);
    expect(after).toMatch(/^mobius_process_resident_memory_bytes \d+/m);
    expect(after).toMatch(/^mobius_neo4j_query_duration_seconds_count\{query="\w+"\} [1-9]/m);
    expect(sample(after, 'mobius_graph_elements{kind="nodes"}')).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'mobius_graph_capacity_used_ratio{kind="relationships"}')).toBeLessThan(0.8);
  });

  it("exports every series the Prometheus alert rules use", async () => {
    const rules = fs.readFileSync(path.join(projectRoot, "ops", "prometheus", "alerts.yml"), "utf8");
    const used = [...new Set(rules.match(/\bmobius_\w+/g))];
    const exposition = await (await fetch(`${gateway.url}/metrics`)).text();
    const exported = new Set([...exposition.matchAll(/^# TYPE (\w+)/gm)].map((m) => m[1]));
    expect(used.length).toBeGreaterThanOrEqual(5);
    expect(used.filter((name) => !exported.has(name))).toEqual([]);
  });

  it("shows the latest backfill's progress on /metrics", async () => {
    const run = await gateway.graphql(`mutation { backfillGraph(dryRun: true, entities: ["brand"]) { dryRun } }`);
    expect(run.errors).toBeUndefined();
    const exposition = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(exposition).toMatch(/^mobius_backfill_total_entities\{mode="(backfill|reconcile)",step="\w+(:extra)?"\} \d+/m);
    expect(exposition).toMatch(/^mobius_backfill_processed_entities\{mode="(backfill|reconcile)",step="\w+(:extra)?"\} \d+/m);
  });

  it("logs one line per operation with the caller's request id, name, duration and outcome", async () => {
    await gateway.graphql("query LoggedProbe { health { postgres } }", undefined, { "x-request-id": "trace-42" });
    const line = logs.lines().find((l) => l.event === "graphql_operation" && l.requestId === "trace-42");
    expect(line).toMatchObject({ operationName: "LoggedProbe", operationType: "query", outcome: "ok" });
    expect(line!.durationMs).toBeGreaterThan(0);
  });
});

describe("logs", () => {
  it("redact tokens, passwords and connection strings", () => {
    const logs = captureLogs();
    logs.logger.info({ password: "hunter2", headers: { authorization: "Bearer eyJabc.def" }, databaseUrl: "postgresql://app:s3cret@db/x" }, "connecting");
    logs.logger.error({ err: new Error("connect failed for postgresql://app:s3cret@db:5432/x") }, "failed for neo4j+s://neo4j:pa55@aura.io");
    logs.logger.warn("Authorization: Bearer abc.def.ghi rejected");
    const raw = logs.raw();
    for (const secret of ["hunter2", "eyJabc", "s3cret", "pa55", "abc.def.ghi"]) expect(raw).not.toContain(secret);
    expect(raw).toContain("postgresql://***@db:5432/x");
    expect(raw).toContain("neo4j+s://***@aura.io");
  });
});

describe("health without a usable graph", () => {
  it("reports a gateway without a graph as disabled, and still ready", async () => {
    const gateway = await startTestGateway(createTestDeps({ neo4jUri: null }));
    try {
      expect((await getJson(`${gateway.url}/ready`)).body).toEqual({ ready: true, postgres: "ready", capture: { ready: true }, graph: "DISABLED", graphCatchingUp: false });
      expect(await getJson(`${gateway.url}/v1/health/graph`)).toEqual({
        status: 200,
        body: { status: "disabled", message: "Graph database not configured" },
      });
    } finally {
      await gateway.close();
    }
  });

  it("reports a Neo4j that was running and is stopped as unhealthy, and not ready", async () => {
    const local = { port: testStack().neo4jPort + 21, home: fs.mkdtempSync(path.join(os.tmpdir(), "mobius-neo4j-")) };
    const { uri } = await startLocalNeo4j(local);
    const gateway = await startTestGateway(createTestDeps({ neo4jUri: uri }));
    try {
      expect((await getJson(`${gateway.url}/v1/health/graph`)).body.status).toBe("healthy");
      await stopLocalNeo4j(local);
      const health = await getJson(`${gateway.url}/v1/health/graph`);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: "unhealthy", database: "neo4j" });
      expect(await getJson(`${gateway.url}/ready`)).toEqual({
        status: 503,
        body: { ready: false, postgres: "ready", capture: { ready: true }, graph: "UNHEALTHY", graphCatchingUp: false },
      });
    } finally {
      await gateway.close();
      await stopLocalNeo4j(local);
      fs.rmSync(local.home, { recursive: true, force: true });
    }
  }, 240_000);
});

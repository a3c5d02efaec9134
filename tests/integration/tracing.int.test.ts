// OpenTelemetry against the real stores, exported to the SDK's in-memory exporter: a request is one
// trace (server span → GraphQL span → its SQL and Cypher statements), and the drainer pass that
// applies a mutation's events is a trace of its own, linked to that mutation's GraphQL span.
import { randomUUID } from "node:crypto";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTracing, type Tracing } from "../../src/observability/startTracing.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let gateway: TestGateway;
let organizationId: string;

beforeAll(async () => {
  // Before the server is built: createServer adds its tracing only when tracing is on.
  tracing = await startTracing(
    { exporter: "otlp", tracesUrl: "http://127.0.0.1:1/v1/traces", headers: {}, serviceName: "tracing-test", sampleRatio: 1 },
    { exporter },
  );
  gateway = await startTestGateway();
  organizationId = (await gateway.deps.prisma.organization.create({ data: { name: `Traced ${randomUUID()}` } })).id;
});

afterAll(async () => {
  await gateway?.deps.prisma.organization.deleteMany({ where: { id: organizationId } });
  await gateway?.close();
  await tracing?.shutdown();
});

beforeEach(() => exporter.reset());

const spans = () => exporter.getFinishedSpans();
const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const traceOf = (span: ReadableSpan) => span.spanContext().traceId;
const childrenOf = (parent: ReadableSpan) => spans().filter((s) => s.parentSpanContext?.spanId === idOf(parent));
const named = (name: string) => spans().filter((s) => s.name === name);

/** The server span ends when the response is closed, a moment after the client has read it. */
async function eventually<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not seen in time; spans: ${spans().map((s) => s.name).join(", ")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("tracing", () => {
  it("traces a mutation as one request with its SQL, and links the drainer pass that applied it", async () => {
    const hex = `#${randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase()}`;
    const reply = await gateway.graphql(
      `mutation CreateTraced($input: CreateBrandInput!) { createBrand(input: $input) { id } }`,
      { input: { organizationId, name: `Traced ${hex}`, colors: [{ hex, usageWeight: 0.5 }] } },
      { "x-graph-sync": "wait" },
    );
    expect(reply.errors).toBeUndefined();

    const server = await eventually(() => named("POST /graphql")[0]);
    const graphql = named("mutation CreateTraced")[0]!;
    expect(graphql.parentSpanContext?.spanId).toBe(idOf(server));
    expect(traceOf(graphql)).toBe(traceOf(server));
    expect(graphql.attributes).toMatchObject({ "graphql.operation.type": "mutation", "graphql.operation.name": "CreateTraced" });
    // Prisma's statements, among them the stamp of the request's traceparent on the events the
    // capture triggers recorded, are the GraphQL span's children.
    const sql = childrenOf(graphql).filter((s) => s.attributes["db.system.name"] === "postgresql");
    expect(sql.some((s) => String(s.attributes["db.query.text"]).includes("traceRecordedEvents"))).toBe(true);
    for (const statement of sql) expect(statement.name).toMatch(/^postgres /);

    // The pass is a trace of its own, linked to the mutation's span, with its Cypher and SQL as children.
    const pass = await eventually(() =>
      named("graph_sync drain pass").find((s) => s.links.some((l) => l.context.spanId === idOf(graphql))),
    );
    expect(pass.parentSpanContext).toBeUndefined();
    expect(traceOf(pass)).not.toBe(traceOf(graphql));
    expect(pass.links.find((l) => l.context.spanId === idOf(graphql))!.context.traceId).toBe(traceOf(graphql));
    const passChildren = childrenOf(pass);
    expect(passChildren.map((s) => s.name)).toEqual(expect.arrayContaining(["neo4j upsertBrands", "neo4j settleColors", "postgres markEventsApplied"]));
    expect(passChildren.find((s) => s.name === "neo4j upsertBrands")!.attributes["db.system.name"]).toBe("neo4j");

    // The outbox row carries the mutation's trace context, which is what the pass linked to.
    const [event] = await gateway.deps.prisma.syncEvent.findMany({ where: { entityId: reply.data.createBrand.id } });
    expect(event!.traceparent).toBe(`00-${traceOf(graphql)}-${idOf(graphql)}-01`);
  });

  it("traces a query's graph reads, hand-written and generated, as children of its GraphQL span", async () => {
    const hex = `#${randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase()}`;
    const created = await gateway.graphql(
      `mutation { createBrand(input: { organizationId: "${organizationId}", name: "Read ${hex}", colors: [{ hex: "${hex}", usageWeight: 0.4 }] }) { id } }`,
      {},
      { "x-graph-sync": "wait" },
    );
    exporter.reset();
    const reply = await gateway.graphql(
      `query ReadTraced($hex: String!, $id: ID!) {
         color(hex: $hex) { hex brands { brand { id } } }
         graphBrands(where: { brandId: { eq: $id } }) { brandId }
       }`,
      { hex, id: created.data.createBrand.id },
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data.graphBrands).toEqual([{ brandId: created.data.createBrand.id }]);

    const server = await eventually(() => named("POST /graphql")[0]);
    const graphql = named("query ReadTraced")[0]!;
    expect(graphql.parentSpanContext?.spanId).toBe(idOf(server));
    const cypher = childrenOf(graphql).filter((s) => s.attributes["db.system.name"] === "neo4j");
    expect(cypher.map((s) => s.name)).toEqual(expect.arrayContaining(["neo4j brandsUsingColor", "neo4j graphApi"]));
    // The library's own statements (its first call checks the server's version) are spans too.
    expect(cypher.filter((s) => s.name === "neo4j graphApi").some((s) => String(s.attributes["db.query.text"]).includes(":Brand"))).toBe(true);
    // Nothing of this request outside its trace.
    for (const span of [...childrenOf(graphql), graphql]) expect(traceOf(span)).toBe(traceOf(server));
  });

  it("continues a caller's trace given as a W3C traceparent", async () => {
    const traceId = randomUUID().replace(/-/g, "");
    const parentId = randomUUID().replace(/-/g, "").slice(0, 16);
    const res = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-${parentId}-01` },
      body: JSON.stringify({ query: `query Continued { organization(id: "${organizationId}") { id } }` }),
    });
    expect(res.status).toBe(200);
    const server = await eventually(() => named("POST /graphql")[0]);
    expect(traceOf(server)).toBe(traceId);
    expect(server.parentSpanContext?.spanId).toBe(parentId);
  });

  it("does not trace probes and scrapes", async () => {
    await fetch(`${gateway.url}/health`);
    await fetch(`${gateway.url}/metrics`);
    await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    await eventually(() => named("POST /graphql")[0]);
    expect(spans().filter((s) => s.kind === 1 /* SERVER */).map((s) => s.name)).toEqual(["POST /graphql"]);
  });
});

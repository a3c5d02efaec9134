// Tracing as an operator turns it on: a gateway process given OTEL_EXPORTER_OTLP_ENDPOINT POSTs its
// spans as OTLP/JSON to that collector (here a plain HTTP server of the test's, which only records
// what arrives), the drainer thread's passes included, linked to the mutation whose event they applied.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/postgres/createPrisma.ts";
import { startGatewayProcess, type GatewayProcess } from "../support/gatewayProcess.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { eventually } from "../support/outbox.ts";
import { TENANCY_SECRET, tenancyHeaders } from "../support/tenants.ts";
import { workerStack } from "../support/workerStack.ts";

interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  links?: { traceId: string; spanId: string }[];
}

const received: { path: string; contentType: string; spans: OtlpSpan[]; serviceName: unknown }[] = [];
let collector: http.Server;
let gateway: GatewayProcess;
let url: string;
let prisma: PrismaClient;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const parsed = JSON.parse(body);
      for (const resourceSpans of parsed.resourceSpans ?? []) {
        const serviceName = resourceSpans.resource?.attributes?.find((a: { key: string }) => a.key === "service.name")?.value?.stringValue;
        const spans = (resourceSpans.scopeSpans ?? []).flatMap((scope: { spans?: OtlpSpan[] }) => scope.spans ?? []);
        received.push({ path: req.url ?? "", contentType: String(req.headers["content-type"]), spans, serviceName });
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const databaseUrl = await createIsolatedDatabase("tracing_export");
  prisma = createPrisma(databaseUrl, { maxConnections: 2 });
  gateway = startGatewayProcess({
    DATABASE_URL: databaseUrl,
    NEO4J_URI: workerStack().neo4jUri,
    AUTH_JWT_SECRET: TENANCY_SECRET,
    PORT: "0",
    LOG_LEVEL: "info",
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    OTEL_SERVICE_NAME: "gateway-under-test",
  });
  url = await gateway.url(120_000);
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await prisma?.$disconnect();
  await new Promise((resolve) => collector?.close(resolve));
});

const allSpans = () => received.flatMap((r) => r.spans);

describe("exporting traces over OTLP/HTTP", () => {
  it("sends a mutation's spans and the drainer thread's linked pass to the configured collector", async () => {
    expect(gateway.logLines().some((l) => l.msg === "tracing on")).toBe(true);
    const organizationId = (await prisma.organization.create({ data: { name: `Exported ${randomUUID()}` } })).id;
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-graph-sync": "wait", ...(await tenancyHeaders("editor", organizationId)) },
      body: JSON.stringify({ query: `mutation ExportedBrand { createBrand(input: { organizationId: "${organizationId}", name: "Exported" }) { id } }` }),
    });
    expect((await res.json()).errors).toBeUndefined();

    // Batched: the SDK exports every few seconds.
    const mutation = await eventually(
      async () => allSpans().find((s) => s.name === "mutation ExportedBrand"),
      (span) => span !== undefined,
      30_000,
    );
    const pass = await eventually(
      async () => allSpans().find((s) => s.name === "graph_sync drain pass" && s.links?.some((l) => l.spanId === mutation!.spanId)),
      (span) => span !== undefined,
      30_000,
    );
    expect(pass!.links!.find((l) => l.spanId === mutation!.spanId)!.traceId).toBe(mutation!.traceId);
    expect(allSpans().some((s) => s.name === "neo4j upsertBrands" && s.parentSpanId === pass!.spanId)).toBe(true);
    expect(allSpans().some((s) => s.name.startsWith("postgres ") && s.parentSpanId === mutation!.spanId)).toBe(true);
    expect(received.every((r) => r.path === "/v1/traces" && r.contentType.includes("application/json"))).toBe(true);
    expect(received.every((r) => r.serviceName === "gateway-under-test")).toBe(true);
  });
});

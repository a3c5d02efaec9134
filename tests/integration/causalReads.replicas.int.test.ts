// Causal consistency across gateway processes: a mutation made through one replica with
// `x-graph-sync: wait` is seen by a waiting read through the other, and that read opened its graph
// transactions with the Neo4j bookmark the drainer recorded when it applied the mutation's event
// (the other replica's `causal_graph_read` debug line). On this single Neo4j server every bookmark is
// already satisfied; on a cluster it is what makes a follower wait until it has the change.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/postgres/createPrisma.ts";
import { startGatewayProcess, type GatewayProcess } from "../support/gatewayProcess.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { TENANCY_SECRET, tenancyHeaders } from "../support/tenants.ts";
import { workerStack } from "../support/workerStack.ts";

let databaseUrl: string;
let prisma: PrismaClient;
const replicas: { process: GatewayProcess; url: string }[] = [];

async function startReplica() {
  const process = startGatewayProcess({
    DATABASE_URL: databaseUrl,
    NEO4J_URI: workerStack().neo4jUri,
    AUTH_JWT_SECRET: TENANCY_SECRET,
    PORT: "0",
    LOG_LEVEL: "debug",
    // A loaded machine may take seconds for a first projection; the test is about what the read sees.
    GRAPH_SYNC_WAIT_TIMEOUT_MS: "20000",
  });
  const replica = { process, url: await process.url(120_000) };
  replicas.push(replica);
  return replica;
}

beforeAll(async () => {
  databaseUrl = await createIsolatedDatabase("causal_replicas");
  prisma = createPrisma(databaseUrl, { maxConnections: 2 });
  // One after the other: the first seeds the empty database with the demo set.
  await startReplica();
  await startReplica();
}, 240_000);

afterAll(async () => {
  for (const { process } of replicas) await process.stop();
  await prisma?.$disconnect();
});

async function graphql(url: string, query: string, headers: Record<string, string>) {
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: any; errors?: unknown[]; extensions?: any };
}

describe("causal reads across replicas", () => {
  it("a waiting read on one replica sees a mutation made through the other, with the bookmark that applied it", async () => {
    const [writer, reader] = replicas;
    const organizationId = (await prisma.organization.create({ data: { name: `Causal ${randomUUID()}` } })).id;
    const hex = `#${randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase()}`;

    const created = await graphql(
      writer!.url,
      `mutation { createBrand(input: { organizationId: "${organizationId}", name: "Causal ${hex}", colors: [{ hex: "${hex}", usageWeight: 0.5 }] }) { id } }`,
      { ...(await tenancyHeaders("editor", organizationId)), "x-graph-sync": "wait" },
    );
    expect(created.errors).toBeUndefined();
    expect(created.extensions?.graphSync).toMatchObject({ applied: true, events: 1 });
    const brandId = created.data.createBrand.id as string;
    const [event] = await prisma.syncEvent.findMany({ where: { entityId: brandId } });
    expect(event!.appliedAt).not.toBeNull();
    expect(event!.graphBookmarks.length).toBeGreaterThan(0);

    const requestId = `causal-${randomUUID()}`;
    const read = await graphql(
      reader!.url,
      `query { color(hex: "${hex}") { brands { brand { id } } } graphBrands(where: { brandId: { eq: "${brandId}" } }) { brandId } }`,
      { ...(await tenancyHeaders("viewer", organizationId)), "x-graph-sync": "wait", "x-request-id": requestId },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.color.brands.map((b: { brand: { id: string } }) => b.brand.id)).toEqual([brandId]);
    expect(read.data.graphBrands).toEqual([{ brandId }]);

    const line = reader!.process.logLines().find((l) => l.msg === "causal_graph_read" && l.requestId === requestId);
    expect(line, "the reader logs the bookmarks its graph reads were opened with").toBeDefined();
    expect(line!.bookmarks).toEqual(expect.arrayContaining(event!.graphBookmarks));
    // Looked up once for the request, however many graph reads it made.
    expect(reader!.process.logLines().filter((l) => l.msg === "causal_graph_read" && l.requestId === requestId)).toHaveLength(1);
  });
});

// A mutation sent with `x-graph-sync: wait` says in extensions.graphSync whether the graph applied
// its change in time and how long it waited; a graph read after it then sees the change. Without
// waiting there is nothing to report; with the sync off the wait reports the change not applied.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const CREATE = `mutation Create($input: CreateBrandInput!) { createBrand(input: $input) { id } }`;

describe("read-your-writes in the response", () => {
  let gateway: TestGateway;
  let organizationId: string;
  beforeAll(async () => {
    gateway = await startTestGateway();
    organizationId = (await gateway.deps.prisma.organization.create({ data: { name: `RYW ${randomUUID()}` } })).id;
  });
  afterAll(async () => {
    await gateway.deps.prisma.organization.deleteMany({ where: { id: organizationId } });
    await gateway?.close();
  });

  it("reports a waiting mutation applied, with how long it waited, and the graph has the change", async () => {
    const hex = `#${randomUUID().slice(0, 6).toUpperCase()}`;
    const reply = await gateway.graphql(CREATE, { input: { organizationId, name: `Waiting ${hex}`, colors: [{ hex, usageWeight: 0.5 }] } }, { "x-graph-sync": "wait" });
    expect(reply.errors).toBeUndefined();
    const graphSync = (reply as { extensions?: { graphSync?: { applied: boolean; waitedMs: number; events: number } } }).extensions?.graphSync;
    expect(graphSync).toMatchObject({ applied: true, events: 1 });
    expect(graphSync!.waitedMs).toBeGreaterThanOrEqual(0);
    const read = await gateway.graphql(`query { graphBrands(where: { brandId: { eq: "${reply.data.createBrand.id}" } }) { brandId } }`);
    expect(read.data.graphBrands).toEqual([{ brandId: reply.data.createBrand.id }]);
  });

  it("adds the waits of every mutation in one operation", async () => {
    const reply = await gateway.graphql(
      `mutation Two($a: CreateBrandInput!, $b: CreateBrandInput!) { a: createBrand(input: $a) { id } b: createBrand(input: $b) { id } }`,
      { a: { organizationId, name: "First" }, b: { organizationId, name: "Second" } },
      { "x-graph-sync": "wait" },
    );
    expect((reply as any).extensions.graphSync).toMatchObject({ applied: true, events: 2 });
  });

  it("reports nothing for a mutation that did not wait, nor for a query", async () => {
    const reply = await gateway.graphql(CREATE, { input: { organizationId, name: "Async" } }, { "x-graph-sync": "async" });
    expect(reply.errors).toBeUndefined();
    expect((reply as any).extensions?.graphSync).toBeUndefined();
    const query = await gateway.graphql(`query { organization(id: "${organizationId}") { id } }`, {}, { "x-graph-sync": "wait" });
    expect((query as any).extensions?.graphSync).toBeUndefined();
  });
});

describe("read-your-writes with the sync switched off", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // Its events stay pending: a database of its own keeps them out of the shared outbox.
    const databaseUrl = await createIsolatedDatabase("ryw_off");
    gateway = await startTestGateway(createTestDeps({ databaseUrl, config: { graphSyncEnabled: false } }));
  });
  afterAll(async () => gateway?.close());

  it("reports the change not applied instead of pretending", async () => {
    const org = await gateway.graphql(`mutation { createOrganization(input: { name: "Off" }) { id } }`, {}, { "x-graph-sync": "wait" });
    expect(org.errors).toBeUndefined();
    expect((org as any).extensions.graphSync).toEqual({ applied: false, waitedMs: 0, events: 1 });
  });
});

// A request sent with `x-graph-sync: wait` that reads the graph waits for its own organization's
// pending changes first, never for another organization's: each role of one organization against
// the other's pending event; the platform operator, who reads no organization's graph, is refused
// without waiting for anything. Nothing
// drains here (no poll, nothing woken), so what is pending stays pending and each wait reports it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/auth/access.ts";
import { loadConfig } from "../../src/config/config.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { operatorHeaders, tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const WAIT_TIMEOUT_MS = 300;
const GRAPH_READ = `query GraphRead { graphBrands(where: { brandId: { eq: "no-such-brand" } }) { brandId } }`;
const ROLES: Role[] = ["viewer", "editor", "admin"];
const aRole = (role: Role) => (role === "viewer" ? `a ${role}` : `an ${role}`);

let gateway: TestGateway;
let own: string;
let other: string;

beforeAll(async () => {
  const databaseUrl = await createIsolatedDatabase("causal_scope");
  const defaults = loadConfig({});
  gateway = await startTestGateway(
    createTestDeps({ databaseUrl, verifyToken: tenancyVerifier(), config: { graphSync: { ...defaults.graphSync, waitTimeoutMs: WAIT_TIMEOUT_MS } } }),
  );
  const prisma = gateway.deps.prisma;
  own = (await prisma.organization.create({ data: { name: `Own ${randomUUID()}` } })).id;
  other = (await prisma.organization.create({ data: { name: `Other ${randomUUID()}` } })).id;
  // The capture triggers recorded both organizations; nothing drains here, so they count as applied.
  await prisma.$executeRaw`UPDATE sync_events SET applied_at = now() WHERE applied_at IS NULL`;
  // The other organization's change, committed and due, not yet in the graph.
  await prisma.syncEvent.create({ data: { entityType: "brand", entityId: randomUUID(), operation: "upsert", organizationId: other } });
  // One of ours backing off for an hour (a dead letter): no wait could see it applied.
  await prisma.syncEvent.create({
    data: { entityType: "brand", entityId: randomUUID(), operation: "upsert", organizationId: own, nextAttemptAt: new Date(Date.now() + 3_600_000) },
  });
});

afterAll(async () => gateway?.close());

async function waitingRead(headers: Record<string, string>) {
  const reply = await gateway.graphql(GRAPH_READ, {}, { ...headers, "x-graph-sync": "wait" });
  expect(reply.errors).toBeUndefined();
  expect((reply.data as { graphBrands: unknown[] }).graphBrands).toEqual([]);
  return (reply as { extensions?: { graphSync?: { applied: boolean; waitedMs: number; events: number } } }).extensions?.graphSync;
}

describe("a causal read waits for its own organization's changes only", () => {
  for (const role of ROLES) {
    it(`${aRole(role)} does not wait for another organization's pending change, nor for its own dead letter`, async () => {
      expect(await waitingRead(await tenancyHeaders(role, own))).toBeUndefined();
    });

    it(`${aRole(role)} of the other organization waits for its pending change and is told it was not applied in time`, async () => {
      const wait = await waitingRead(await tenancyHeaders(role, other));
      expect(wait).toMatchObject({ applied: false, events: 1 });
      expect(wait!.waitedMs).toBeGreaterThanOrEqual(WAIT_TIMEOUT_MS);
    });
  }

  it("the platform operator's graph read is refused at once, without a wait", async () => {
    const reply = await gateway.graphql(GRAPH_READ, {}, { ...(await operatorHeaders()), "x-graph-sync": "wait" });
    expect(reply.errors?.map((e) => e.extensions.code)).toEqual(["FORBIDDEN"]);
    expect((reply as { extensions?: { graphSync?: unknown } }).extensions?.graphSync).toBeUndefined();
  });

  it("a read without x-graph-sync: wait does not wait at all", async () => {
    const reply = await gateway.graphql(GRAPH_READ, {}, await tenancyHeaders("viewer", other));
    expect(reply.errors).toBeUndefined();
    expect((reply as { extensions?: { graphSync?: unknown } }).extensions?.graphSync).toBeUndefined();
  });
});

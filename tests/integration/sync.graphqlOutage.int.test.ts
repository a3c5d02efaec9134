// The sync's guarantee, through the gateway a client uses: Neo4j is really stopped while more than
// a thousand mixed GraphQL mutations run; every mutation succeeds on Postgres; once Neo4j is back
// the drainer converges the graph to exactly what a full rebuild from Postgres writes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/domain/seededRandom.ts";
import { startLocalNeo4j, stopLocalNeo4j } from "../../src/stack/localNeo4j.ts";
import { readSyncStatus } from "../../src/outbox/readSyncStatus.ts";
import { dumpGraph } from "../support/graphDump.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { eventually } from "../support/outbox.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { testStack } from "../support/testStack.ts";

const MUTATIONS = 1_000;
const CONCURRENCY = 8;

describe("a Neo4j outage during GraphQL mutations", () => {
  const local = { port: testStack().neo4jPort + 22, home: fs.mkdtempSync(path.join(os.tmpdir(), "mobius-outage-")) };
  let gateway: TestGateway;

  beforeAll(async () => {
    const { uri } = await startLocalNeo4j(local);
    const databaseUrl = await createIsolatedDatabase("graphql_outage");
    const graphSync = { waitForGraph: false, waitTimeoutMs: 2_000, pollIntervalMs: 200, retryBaseMs: 100, retryMaxMs: 1_000, batchSize: 200, coalesceMs: 40, nice: 0 };
    gateway = await startTestGateway(createTestDeps({ neo4jUri: uri, databaseUrl, poll: true, config: { graphSync } }));
  }, 240_000);
  afterAll(async () => {
    await gateway?.close();
    await stopLocalNeo4j(local);
    fs.rmSync(local.home, { recursive: true, force: true });
  });

  it("loses nothing and duplicates nothing", async () => {
    const next = seededRandom(20261126);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const pool = Array.from({ length: 40 }, (_, i) => `#${(0x102030 + i * 0x030507).toString(16).toUpperCase().padStart(6, "0")}`);
    const paletteOf = () =>
      [...new Set(Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(pool)))].map((hex, i) => ({ hex, name: `Tone ${hex}`, usage: i ? "accent" : "primary", usageWeight: Math.round(next() * 100) / 100 }));
    const call = async (query: string, variables: Record<string, unknown>) => {
      const result = await gateway.graphql(query, variables);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data;
    };

    const { createOrganization: organization } = await call(`mutation { createOrganization(input: { name: "Outage Co" }) { id } }`, {});
    const brands: string[] = [];
    const assets: string[] = [];
    const templates: string[] = [];
    const createBrand = async () =>
      brands.push((await call(`mutation ($input: CreateBrandInput!) { createBrand(input: $input) { id } }`, { input: { organizationId: organization.id, name: `Brand ${brands.length}`, colors: paletteOf() } })).createBrand.id);
    for (let i = 0; i < 10; i++) await createBrand();

    await stopLocalNeo4j(local);

    const operations: Array<() => Promise<unknown>> = [
      createBrand,
      async () => call(`mutation ($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id } }`, { id: pick(brands), input: { colors: paletteOf(), learningActive: next() > 0.5 } }),
      async () => assets.push((await call(`mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id } }`, { input: { brandId: pick(brands), prompt: "a poster", complianceScore: Math.round(next() * 100) / 100, colors: paletteOf().map(({ hex }) => ({ hex, coverage: 0.2 })) } })).createAsset.id),
      async () => assets.length && call(`mutation ($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { id } }`, { id: pick(assets), input: { status: pick(["approved", "rejected", "in_review"]), complianceScore: Math.round(next() * 100) / 100 } }),
      async () => assets.length && call(`mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }`, { input: { assetId: pick(assets), action: pick(["approve", "reject"]) } }),
      async () => {
        if (!assets.length) return;
        const asset = pick(assets);
        const { asset: found } = await call(`query ($id: ID!) { asset(id: $id) { brandId } }`, { id: asset });
        templates.push((await call(`mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, { input: { brandId: found.brandId, name: "Template", sourceAssetId: asset } })).createTemplate.id);
      },
    ];
    let done = 0;
    const worker = async () => {
      while (done < MUTATIONS) {
        done++;
        await pick(operations)();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // Deletes run after the concurrent phase, so no mutation above races one to a row it removes
    // (that race is a NOT_FOUND by design, not what this test is about).
    for (let i = 0; i < 40; i++) await call(`mutation ($id: ID!) { deleteAsset(id: $id) }`, { id: assets.splice(Math.floor(next() * assets.length), 1)[0] });
    for (let i = 0; i < 10; i++) await call(`mutation ($id: ID!) { deleteTemplate(id: $id) }`, { id: templates.splice(Math.floor(next() * templates.length), 1)[0] });
    // Deleting a brand cascades to its assets, feedback and templates in both stores.
    await call(`mutation ($id: ID!) { deleteBrand(id: $id) }`, { id: brands.shift() });

    const backlog = await readSyncStatus(gateway.deps.prisma);
    expect(backlog.pendingEvents).toBeGreaterThanOrEqual(MUTATIONS);

    await startLocalNeo4j(local);
    const settled = await eventually(() => readSyncStatus(gateway.deps.prisma), (s) => s.pendingEvents === 0, 180_000);
    expect(settled.pendingEvents).toBe(0);
    const synced = await dumpGraph(gateway.deps.graph!);

    await gateway.deps.graph!.driver.executeQuery("MATCH (n) DETACH DELETE n");
    const rebuild = await gateway.graphql(`mutation { backfillGraph(dryRun: false, batchSize: 200) { entities { entity created updated } } }`);
    expect(rebuild.errors).toBeUndefined();
    const rebuilt = await dumpGraph(gateway.deps.graph!);

    expect(synced.nodes.length).toBeGreaterThan(100);
    expect(synced.nodes).toEqual(rebuilt.nodes);
    expect(synced.relationships).toEqual(rebuilt.relationships);
  }, 600_000);
});

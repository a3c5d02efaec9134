// Reconcile compares Postgres with the graph and repairs what drifted: a deleted node, an extra
// node, a wrong property and a missing relationship are each found, counted and, in execute mode,
// put back through the projector, after which the test's slice equals a full rebuild again.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileColorBatch } from "../../src/backfill/reconcileColorBatch.ts";
import { toReconcileReport } from "../../src/backfill/runReports.ts";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { startTestGateway, createTestDeps, type TestGateway } from "../support/testDeps.ts";
import { newScope, uniqueHex } from "../support/syncedWrites.ts";
import { runFor, seedUnsynced, type UnsyncedData } from "../support/unsyncedData.ts";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway(createTestDeps({ config: { graphSyncEnabled: false } }));
});
afterAll(() => gateway.close());

const cypher = (statement: string, params: Record<string, unknown>) =>
  gateway.deps.graph!.driver.executeQuery(statement, params, { database: gateway.deps.graph!.database });

/** A backfilled organization, then four kinds of drift injected straight into Neo4j. */
async function driftedGraph(): Promise<UnsyncedData & { ghostBrand: string; ghostAsset: string }> {
  const data = await seedUnsynced(gateway.deps);
  await runFor(gateway.deps, "backfill", data.organizationId, { dryRun: false });
  const [acme, bolt, core] = data.brandIds as [string, string, string];
  const ghostBrand = randomUUID();
  const ghostAsset = randomUUID();
  // A deleted node: the asset "sea" (with its USES_COLOR) is gone from the graph.
  await cypher("MATCH (a:Asset {asset_id: $id}) DETACH DELETE a", { id: data.assetIds[1] });
  // Extra nodes: a brand of this organization and an asset under Bolt that Postgres never had.
  await cypher("CREATE (:Brand {brand_id: $id, organization_id: $org, name: 'ghost'})", { id: ghostBrand, org: data.organizationId });
  await cypher("MATCH (b:Brand {brand_id: $brand}) CREATE (b)-[:GENERATED_ASSET]->(:Asset {asset_id: $id, prompt: 'ghost'})", {
    brand: bolt,
    id: ghostAsset,
  });
  // A wrong property.
  await cypher("MATCH (b:Brand {brand_id: $id}) SET b.learning_active = false", { id: acme });
  // A missing relationship.
  await cypher("MATCH (:Brand {brand_id: $id})-[r:OWNS_COLOR]->() DELETE r", { id: core });
  return { ...data, ghostBrand, ghostAsset };
}

const drift = (report: ReturnType<typeof toReconcileReport>) =>
  Object.fromEntries(
    report.entities.map((e) => [e.entity, { missing: e.missing, extra: e.extra, nodes: e.differingNodes, relationships: e.differingRelationships }]),
  );

describe("reconcileGraph", () => {
  it("finds a deleted node, extra nodes, a wrong property and a missing relationship without writing in a dry run", async () => {
    const data = await driftedGraph();
    const before = await readGraphSlice(gateway.deps.graph!, data.scope);

    const report = toReconcileReport(await runFor(gateway.deps, "reconcile", data.organizationId, { dryRun: true }));

    expect(report.finished).toBe(true);
    expect(drift(report)).toEqual({
      brand: { missing: 0, extra: 1, nodes: 1, relationships: 1 },
      asset: { missing: 1, extra: 1, nodes: 0, relationships: 0 },
      // "sea" had no feedback and no template, so nothing else went with it.
      feedback: { missing: 0, extra: 0, nodes: 0, relationships: 0 },
      template: { missing: 0, extra: 0, nodes: 0, relationships: 0 },
      // Colors are global: an organization-scoped run leaves them to the projector.
      color: { missing: 0, extra: 0, nodes: 0, relationships: 0 },
    });
    const brand = report.entities.find((e) => e.entity === "brand")!;
    expect([brand.postgresCount, brand.graphCount, brand.repaired]).toEqual([3, 4, 0]);
    expect(await readGraphSlice(gateway.deps.graph!, data.scope)).toEqual(before);
  });

  it("repairs all of it in execute mode, after which a second reconcile finds nothing", async () => {
    const data = await driftedGraph();

    const repaired = toReconcileReport(await runFor(gateway.deps, "reconcile", data.organizationId, { dryRun: false, batchSize: 2 }));

    expect(repaired.entities.map((e) => [e.entity, e.repaired])).toEqual([
      ["brand", 3],
      ["asset", 2],
      ["feedback", 0],
      ["template", 0],
      ["color", 0],
    ]);
    expect(await readGraphSlice(gateway.deps.graph!, data.scope)).toEqual(await expectedGraphSlice(gateway.deps.prisma, data.scope));
    const { records } = await cypher("MATCH (n) WHERE n.brand_id = $b OR n.asset_id = $a RETURN count(n) AS n", {
      b: data.ghostBrand,
      a: data.ghostAsset,
    });
    expect(records[0]!.get("n")).toBe(0);

    const again = toReconcileReport(await runFor(gateway.deps, "reconcile", data.organizationId, { dryRun: true }));
    for (const entity of again.entities) {
      expect({ entity: entity.entity, missing: entity.missing, extra: entity.extra, differing: entity.differing }).toEqual({
        entity: entity.entity,
        missing: 0,
        extra: 0,
        differing: 0,
      });
      expect(entity.graphCount).toBe(entity.postgresCount);
    }
  });

  it("is a mutation that repairs over GraphQL and names a bad argument", async () => {
    const data = await driftedGraph();
    const mutation = `mutation ($dryRun: Boolean!, $entities: [String!], $batchSize: Int, $orgs: [ID!]) {
      reconcileGraph(dryRun: $dryRun, entities: $entities, batchSize: $batchSize, organizationIds: $orgs) {
        finished entities { entity label missing extra differing repaired postgresCount graphCount }
      }
    }`;

    const { data: result, errors } = await gateway.graphql(mutation, { dryRun: false, entities: ["brand", "asset"], orgs: [data.organizationId] });

    expect(errors).toBeUndefined();
    expect(result.reconcileGraph.entities).toEqual([
      { entity: "brand", label: "Brand", missing: 0, extra: 1, differing: 2, repaired: 3, postgresCount: 3, graphCount: 3 },
      { entity: "asset", label: "Asset", missing: 1, extra: 1, differing: 0, repaired: 2, postgresCount: 3, graphCount: 3 },
    ]);
    for (const [variables, field] of [
      [{ dryRun: true, batchSize: 0 }, "batchSize"],
      [{ dryRun: true, batchSize: 5001 }, "batchSize"],
      [{ dryRun: true, entities: ["brand", "widget"] }, "entities"],
    ] as const) {
      const { errors: bad } = await gateway.graphql(mutation, { ...variables, orgs: [data.organizationId] });
      expect(bad?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    }
  });
});

describe("backfillGraph over GraphQL", () => {
  it("returns per entity kind created, updated, unchanged and the duration, and resumes by runId", async () => {
    const data = await seedUnsynced(gateway.deps);
    const mutation = `mutation ($runId: ID, $orgs: [ID!]) {
      backfillGraph(dryRun: false, batchSize: 2, maxBatches: 1, runId: $runId, organizationIds: $orgs) {
        runId finished batches durationMs resumedFrom { step lastId } entities { entity created updated unchanged total processed done }
      }
    }`;

    const reports: any[] = [];
    let runId: string | null = null;
    do {
      const { data: result, errors }: { data?: any; errors?: any[] } = await gateway.graphql(mutation, { runId, orgs: [data.organizationId] });
      expect(errors).toBeUndefined();
      reports.push(result.backfillGraph);
      runId = result.backfillGraph.runId;
    } while (!reports.at(-1).finished);

    expect(reports.every((r) => r.batches === 1 && r.runId === runId)).toBe(true);
    expect(reports[1].resumedFrom).toEqual([{ step: "brand", lastId: [...data.brandIds].sort()[1] }]);
    expect(reports.at(-1).durationMs).toBeGreaterThanOrEqual(0);
    expect(reports.at(-1).entities.map((e: any) => [e.entity, e.created, e.updated, e.unchanged, e.processed, e.done])).toEqual([
      ["brand", 3, 0, 0, 3, true],
      ["asset", 3, 0, 0, 3, true],
      ["feedback", 2, 0, 0, 2, true],
      ["template", 2, 0, 0, 2, true],
    ]);
    expect(await readGraphSlice(gateway.deps.graph!, data.scope)).toEqual(await expectedGraphSlice(gateway.deps.prisma, data.scope));
  });
});

describe("the Color pass", () => {
  it("deletes a Color no row uses and strips one holding more than its hex (a global name, as graphs projected before names moved to OWNS_COLOR have)", async () => {
    const data = await seedUnsynced(gateway.deps);
    await runFor(gateway.deps, "backfill", data.organizationId, { dryRun: false });
    const orphan = uniqueHex(newScope());
    const [named] = [...data.scope.hexes] as [string]; // "Red" in Acme's palette
    await cypher("CREATE (:Color {hex: $hex, name: 'nobody'})", { hex: orphan });
    await cypher("MATCH (c:Color {hex: $hex}) SET c.name = 'wrong'", { hex: named });
    const colors = [
      { hex: orphan, otherKeys: ["name"] },
      { hex: named, otherKeys: ["name"] },
    ];
    const deps = { prisma: gateway.deps.prisma, graph: gateway.deps.graph! };

    expect(await reconcileColorBatch(deps, colors, true)).toMatchObject({ processed: 2, extra: 1, differingNodes: 1 });
    await reconcileColorBatch(deps, colors, false);

    expect(await readGraphSlice(gateway.deps.graph!, data.scope)).toEqual(await expectedGraphSlice(gateway.deps.prisma, data.scope));
    const { records } = await cypher("MATCH (c:Color {hex: $hex}) RETURN count(c) AS n", { hex: orphan });
    expect(records[0]!.get("n")).toBe(0);
  });
});

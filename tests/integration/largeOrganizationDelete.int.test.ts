// An organization of any size can be deleted: 30,000 brands, each with an asset and a feedback row
// (90,000 rows below the organization), went past Prisma's interactive transaction timeout when the
// delete was one transaction. Batches keep every transaction small; every row still gets its outbox
// delete and the graph ends without the organization.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crudFactory } from "../support/crudFactory.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { seedBrandsWithFeedback } from "../support/largeOrganization.ts";
import { drainEntities, graphNodesOf } from "../support/organizationGraph.ts";
import { createTestDeps, startTestGateway, type TestDeps, type TestGateway } from "../support/testDeps.ts";

const SEEDED_BRANDS = 30_000;

describe("deleting a large organization", () => {
  let gateway: TestGateway;
  let synced: TestDeps;
  beforeAll(async () => {
    // A database of its own, so 90,000 delete events never sit in the other tests' outbox. The
    // gateway only queues them (the kill switch): the seeded rows were never in the graph, and the
    // entities that were are drained below through deps of their own.
    const databaseUrl = await createIsolatedDatabase("large_delete");
    gateway = await startTestGateway(createTestDeps({ databaseUrl, config: { graphSyncEnabled: false } }));
    synced = createTestDeps({ databaseUrl });
  });
  afterAll(async () => {
    await gateway?.close();
    await synced?.close();
  });

  it("deletes every row below it, records an outbox delete for each and leaves nothing of it in the graph", { timeout: 180_000 }, async () => {
    const { prisma } = gateway.deps;
    const make = crudFactory(synced);
    const organization = await make.organization();
    // A few entities written the usual way, so the graph holds some of the organization.
    const brand = await make.brand(organization.id);
    const asset = await make.asset(brand.id);
    const feedback = await make.feedback(asset.id);
    const template = await make.template(brand.id, { sourceAssetId: asset.id });
    const written = [organization.id, brand.id, asset.id, feedback.id, template.id];
    await drainEntities(synced, written);
    expect(await graphNodesOf(synced, [organization.id])).toEqual({ brands: 1, assets: 1 });
    await seedBrandsWithFeedback(prisma, organization.id, SEEDED_BRANDS);
    const mark = await prisma.syncEvent.aggregate({ _max: { id: true } });

    const result = await gateway.graphql(`mutation ($id: ID!) { deleteOrganization(id: $id) }`, { id: organization.id });
    expect(result).toEqual({ data: { deleteOrganization: true } });

    const rowsLeft = await prisma.$queryRaw<{ rows: bigint }[]>`
      SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM brands) + (SELECT count(*) FROM assets)
           + (SELECT count(*) FROM feedback) + (SELECT count(*) FROM templates) AS rows`;
    expect(Number(rowsLeft[0]!.rows)).toBe(0);
    const deletes = await prisma.syncEvent.groupBy({
      by: ["entityType"],
      where: { id: { gt: mark._max.id! }, operation: "delete" },
      _count: { _all: true },
    });
    expect(Object.fromEntries(deletes.map((d) => [d.entityType, d._count._all]))).toEqual({
      organization: 1,
      brand: SEEDED_BRANDS + 1,
      asset: SEEDED_BRANDS + 1,
      feedback: SEEDED_BRANDS + 1,
      template: 1,
    });

    await drainEntities(synced, written);
    expect(await graphNodesOf(synced, [organization.id])).toEqual({ brands: 0, assets: 0 });
  });
});

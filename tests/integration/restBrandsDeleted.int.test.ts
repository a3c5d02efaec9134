// The REST routes take the same relationship read path as GraphQL (src/relationships/), so they never
// name a brand deleted in Postgres either, even while the graph still has it. Each route on a
// database of its own, since the cases leave pending events behind and fill the outbox with a backlog.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PENDING_DELETES_LIMIT } from "../../src/outbox/pendingDeletes.ts";
import { brandsSharingAPalette, deleteInPostgresOnly } from "../support/deletedBrands.ts";
import { graphFixtures, type GraphFixtures } from "../support/graphFixtures.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

interface RestListing {
  readonly route: string;
  readonly database: string;
  readonly path: (brands: { asked: string; hex: string }) => string;
  readonly listed: (body: any) => string[];
  /** Whether the asked brand itself is listed (a color's brands) or not (its similar brands). */
  readonly listsAsked: boolean;
}

const listings: RestListing[] = [
  {
    route: "GET /v1/brands/{id}/similar",
    database: "rest_similar_deleted",
    path: ({ asked }) => `/v1/brands/${asked}/similar?min_shared_colors=1&limit=50`,
    listed: (body) => body.similar_brands.map((b: { similar_brand_id: string }) => b.similar_brand_id),
    listsAsked: false,
  },
  {
    route: "GET /v1/colors/{hex}/brands",
    database: "rest_color_brands_deleted",
    path: ({ hex }) => `/v1/colors/${encodeURIComponent(hex)}/brands`,
    listed: (body) => body.brands.map((b: { brand_id: string }) => b.brand_id),
    listsAsked: true,
  },
];

describe.each(listings)("$route: brands deleted in Postgres before the graph has applied it", (listing) => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  let brands: { asked: string; hex: string };
  let others: string[];

  beforeAll(async () => {
    const databaseUrl = await createIsolatedDatabase(listing.database);
    gateway = await startTestGateway(createTestDeps({ databaseUrl }));
    fixtures = graphFixtures(gateway.deps);
    ({ others, ...brands } = await brandsSharingAPalette(fixtures));
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  const listed = async () => {
    const response = await fetch(`${gateway.url}${listing.path(brands)}`);
    expect(response.status).toBe(200);
    return listing.listed(await response.json()).sort();
  };
  const expected = (shown: string[]) => (listing.listsAsked ? [brands.asked, ...shown] : shown).sort();

  it("lists every brand the graph and Postgres both have", async () => {
    expect(await listed()).toEqual(expected(others));
  });

  it("drops a brand whose delete is pending in the outbox", async () => {
    const [gone, ...kept] = others;
    await deleteInPostgresOnly(gateway.deps, gone!);
    expect(await listed()).toEqual(expected(kept));
  });

  it("drops a brand whose delete the sync applied after the graph read it", async () => {
    const [, appliedLate, ...kept] = others;
    await deleteInPostgresOnly(gateway.deps, appliedLate!, new Date());
    expect(await listed()).toEqual(expected(kept));
  });

  it(`confirms the brands by their rows instead when more than ${PENDING_DELETES_LIMIT} deletes are pending`, async () => {
    await gateway.deps.prisma.syncEvent.createMany({
      data: Array.from({ length: PENDING_DELETES_LIMIT + 1 }, () => ({ entityType: "brand", entityId: randomUUID(), operation: "delete" })),
    });
    const [, , missing, ...kept] = others;
    // A row gone without a pending delete: only reading the rows can tell.
    await gateway.deps.prisma.brand.delete({ where: { id: missing! } });
    expect(await listed()).toEqual(expected(kept));
  });
});

// A brand deleted in Postgres is never shown by a graph field, even while the graph still has it:
// its delete is pending in the outbox until the sync applies it (src/outbox/pendingDeletes.ts). Each
// field on a database of its own, since the cases leave pending events behind and fill the outbox
// with a backlog.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PENDING_DELETES_LIMIT } from "../../src/outbox/pendingDeletes.ts";
import { brandsSharingAPalette, deleteInPostgresOnly as deleteFromPostgresOnly } from "../support/deletedBrands.ts";
import { graphFixtures, type GraphFixtures } from "../support/graphFixtures.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

interface Brands {
  /** The brand similarBrands is asked of; the color is its palette's first. */
  readonly asked: string;
  readonly hex: string;
}

/** A graph field listing brands: its query with `brandFields` selected of each, and the ids it lists. */
interface BrandListing {
  readonly field: string;
  readonly database: string;
  readonly query: (brandFields: string) => string;
  readonly variables: (brands: Brands) => Record<string, unknown>;
  readonly listed: (data: any) => { brand: { id: string } }[];
  /** Whether the asked brand itself is listed (a color's brands) or not (its similar brands). */
  readonly listsAsked: boolean;
}

const listings: BrandListing[] = [
  {
    field: "Brand.similarBrands",
    database: "similar_deleted",
    query: (fields) => `query ($id: ID!) { brand(id: $id) { similarBrands { brand { ${fields} } } } }`,
    variables: ({ asked }) => ({ id: asked }),
    listed: (data) => data.brand.similarBrands,
    listsAsked: false,
  },
  {
    field: "Color.brands",
    database: "color_brands_deleted",
    query: (fields) => `query ($hex: String!) { color(hex: $hex) { brands { brand { ${fields} } usageWeight } } }`,
    variables: ({ hex }) => ({ hex }),
    listed: (data) => data.color.brands,
    listsAsked: true,
  },
];

const ROWS_BY_ID = /FROM brands WHERE id = ANY/;

describe.each(listings)("$field: brands deleted in Postgres before the graph has applied it", (listing) => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  let statements: string[];
  let brands: Brands;
  let others: string[];

  beforeAll(async () => {
    statements = [];
    const databaseUrl = await createIsolatedDatabase(listing.database);
    gateway = await startTestGateway(createTestDeps({ databaseUrl, onQuery: (sql) => statements.push(sql) }));
    fixtures = graphFixtures(gateway.deps);
    ({ others, ...brands } = await brandsSharingAPalette(fixtures));
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  const listed = async (fields: string) => {
    const result = await gateway.graphql(listing.query(fields), listing.variables(brands));
    expect(result.errors).toBeUndefined();
    return listing.listed(result.data).map((row) => row.brand.id).sort();
  };
  const expected = (shown: string[]) => (listing.listsAsked ? [brands.asked, ...shown] : shown).sort();
  const deleteInPostgresOnly = (id: string, appliedAt: Date | null = null) => deleteFromPostgresOnly(gateway.deps, id, appliedAt);

  it("drops it whether only the ids or the names are asked, reading no brand rows for ids; a pending update hides nothing", async () => {
    const [gone, updated, ...kept] = others;
    await deleteInPostgresOnly(gone!);
    await gateway.deps.prisma.syncEvent.create({ data: { entityType: "brand", entityId: updated!, operation: "upsert" } });
    statements.length = 0;
    expect(await listed("id")).toEqual(expected([updated!, ...kept]));
    expect(statements.filter((s) => ROWS_BY_ID.test(s))).toEqual([]);
    expect(await listed("id name")).toEqual(expected([updated!, ...kept]));
    expect(statements.filter((s) => ROWS_BY_ID.test(s))).toHaveLength(1);
  });

  it("drops it when the sync applied the delete after the graph read it", async () => {
    const [, updated, appliedLate, ...kept] = others;
    await deleteInPostgresOnly(appliedLate!, new Date());
    expect(await listed("id")).toEqual(expected([updated!, ...kept]));
    expect(await listed("id name")).toEqual(expected([updated!, ...kept]));
  });

  it(`confirms the brands by their rows instead when more than ${PENDING_DELETES_LIMIT} deletes are pending`, async () => {
    await gateway.deps.prisma.syncEvent.createMany({
      data: Array.from({ length: PENDING_DELETES_LIMIT + 1 }, () => ({ entityType: "brand", entityId: randomUUID(), operation: "delete" })),
    });
    const [, updated, , missing, ...kept] = others;
    // A row gone without a pending delete: only reading the rows can tell.
    await gateway.deps.prisma.brand.delete({ where: { id: missing! } });
    statements.length = 0;
    expect(await listed("id")).toEqual(expected([updated!, ...kept]));
    expect(statements.filter((s) => ROWS_BY_ID.test(s))).toHaveLength(1);
  });
});

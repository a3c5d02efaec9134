import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/domain/seededRandom.ts";
import { settleCommonColors } from "../../src/projector/paletteShapes.ts";
import { findSimilarBrands } from "../../src/relationships/similarBrands.ts";
import { graphFixtures, type GraphFixtures } from "../support/graphFixtures.ts";
import { everySimilarBrand, withoutNames } from "../support/similarBrandsOracle.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const SIMILAR = `query ($id: ID!, $min: Int, $limit: Int) {
  brand(id: $id) { id similarBrands(minSharedColors: $min, limit: $limit) {
    brand { id name } sharedColors sharedColorCount similarityScore } } }`;

describe("Brand.similarBrands", () => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  const brands: Record<string, { id: string; name: string; organizationId: string }> = {};
  let c: string[];

  beforeAll(async () => {
    gateway = await startTestGateway(createTestDeps());
    fixtures = graphFixtures(gateway.deps);
    c = fixtures.hexes(8).sort();
    const palette = (...indexes: number[]) => indexes.map((i) => ({ hex: c[i]! }));
    const [orgA, orgB, orgC, orgD, orgE, orgF] = await Promise.all(Array.from({ length: 6 }, () => fixtures.organization()));
    brands.asked = await fixtures.brand(orgA!, palette(0, 1, 2, 3));
    brands.sibling = await fixtures.brand(orgA!, palette(0, 1, 2, 3)); // same organization: never similar
    brands.threeOfThree = await fixtures.brand(orgB!, palette(0, 1, 2)); // 3 / (4 + 3 - 3) = 0.75
    brands.fourOfSix = await fixtures.brand(orgC!, palette(0, 1, 2, 3, 4, 5)); // 4 / (4 + 6 - 4) = 2/3
    brands.twoOfThree = await fixtures.brand(orgD!, palette(0, 1, 4)); // 2 / (4 + 3 - 2) = 0.4
    brands.tieFirst = await fixtures.brand(orgE!, palette(1, 2, 3)); // 0.75, ties with threeOfThree
    brands.tieSecond = await fixtures.brand(orgE!, palette(0, 2, 3)); // 0.75
    brands.threeOfFive = await fixtures.brand(orgF!, palette(0, 1, 2, 6, 7)); // 3 / (4 + 5 - 3) = 0.5
    brands.twoOfTwo = await fixtures.brand(orgF!, palette(0, 1)); // 2 / (4 + 2 - 2) = 0.5
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  const similarTo = async (id: string, min?: number, limit?: number) => {
    const result = await gateway.graphql(SIMILAR, { id, min, limit });
    expect(result.errors).toBeUndefined();
    return result.data.brand.similarBrands as Array<{ brand: { id: string; name: string }; sharedColors: string[]; sharedColorCount: number; similarityScore: number }>;
  };
  const idsByScoreThenId = (...keys: string[]) => keys.map((k) => brands[k]!.id);
  const tied = (...keys: string[]) => idsByScoreThenId(...keys).sort();

  it("ranks brands of other organizations sharing at least 3 colors by Jaccard score, ties by shared count then id", async () => {
    const similar = await similarTo(brands.asked!.id, 3, 10);
    expect(similar.map((s) => s.brand.id)).toEqual([
      ...tied("threeOfThree", "tieFirst", "tieSecond"),
      brands.fourOfSix!.id,
      brands.threeOfFive!.id,
    ]);
    expect(similar.map((s) => s.similarityScore)).toEqual([0.75, 0.75, 0.75, 4 / 6, 0.5]);
  });

  it("never lists a brand of the same organization, even with an identical palette", async () => {
    const similar = await similarTo(brands.asked!.id, 1, 50);
    expect(similar.map((s) => s.brand.id)).not.toContain(brands.sibling!.id);
    const organizationOf = (id: string) => Object.values(brands).find((b) => b.id === id)?.organizationId;
    expect(similar.map((s) => organizationOf(s.brand.id))).not.toContain(brands.asked!.organizationId);
  });

  it("lowers the threshold to 2 and breaks equal scores by the larger shared count", async () => {
    const similar = await similarTo(brands.asked!.id, 2, 10);
    expect(similar.slice(4).map((s) => [s.brand.id, s.sharedColorCount, s.similarityScore])).toEqual([
      [brands.threeOfFive!.id, 3, 0.5],
      [brands.twoOfTwo!.id, 2, 0.5],
      [brands.twoOfThree!.id, 2, 0.4],
    ]);
  });

  it("names the shared colors in hex order and counts them", async () => {
    const [first] = await similarTo(brands.threeOfThree!.id, 3, 1);
    expect(first!.brand.id).toBe(brands.asked!.id);
    expect(first!.sharedColors).toEqual([c[0], c[1], c[2]]);
    expect(first!.sharedColorCount).toBe(3);
  });

  it("returns the top `limit` and defaults to 5", async () => {
    expect((await similarTo(brands.asked!.id, 2, 2)).map((s) => s.brand.id)).toEqual(tied("threeOfThree", "tieFirst", "tieSecond").slice(0, 2));
    expect(await similarTo(brands.asked!.id, 2)).toHaveLength(5);
  });

  it("is empty, not an error, for a brand nothing resembles", async () => {
    expect(await similarTo(brands.twoOfTwo!.id, 3)).toEqual([]);
  });

  it("answers several brands in one statement, each with its own ranking", async () => {
    const matches = await findSimilarBrands(gateway.deps.graph, [brands.asked!.id, brands.tieFirst!.id], { minSharedColors: 3, limit: 1 });
    expect(matches.map((m) => [m.brandId, m.similarBrandId])).toEqual(
      [
        [brands.asked!.id, tied("threeOfThree", "tieFirst", "tieSecond")[0]],
        [brands.tieFirst!.id, brands.asked!.id < brands.sibling!.id ? brands.asked!.id : brands.sibling!.id],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
  });

  it.each([
    ["minSharedColors", { min: 0 }],
    ["limit", { limit: 0 }],
    ["limit", { limit: 51 }],
  ])("refuses a bad %s with BAD_USER_INPUT naming it", async (field, args) => {
    const result = await gateway.graphql(SIMILAR, { id: brands.asked!.id, ...args });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    expect(result.errors?.[0]?.path).toEqual(["brand", "similarBrands"]);
    expect(result.data.brand.id).toBe(brands.asked!.id);
  });
});

// The statement finds candidates through the asked palette's least-owned colors only (prefix
// filtering) and ranks the brands of common colors by palette shape; this compares it with the
// definition, computed here from the palettes, on a graph where two colors sit in most palettes, as
// white and black do in real ones.
describe("Brand.similarBrands with near-universal colors", () => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  const brands: { id: string; organizationId: string; palette: string[] }[] = [];
  let pool: string[];

  beforeAll(async () => {
    gateway = await startTestGateway(createTestDeps());
    fixtures = graphFixtures(gateway.deps);
    pool = fixtures.hexes(10);
    const ownedBy = [0.9, 0.75, 0.4, 0.3, 0.3, 0.25, 0.25, 0.2, 0.2, 0.2];
    const random = seededRandom(29);
    const organizations = await Promise.all(Array.from({ length: 8 }, () => fixtures.organization()));
    for (let i = 0; i < 40; i++) {
      const organizationId = organizations[i % organizations.length]!;
      const palette = pool.filter((_, k) => random() < ownedBy[k]!);
      if (palette.length === 0) palette.push(pool[9]!);
      const brand = await fixtures.brand(organizationId, palette.map((hex) => ({ hex })));
      brands.push({ id: brand.id, organizationId, palette });
    }
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  // Which colors are common decides only how much the statement walks: the same answers with none,
  // a few and most of them common (their brands ranked by palette shape, paletteShapes.ts).
  it.each([
    ["no color common", null],
    ["the two near-universal colors common", 25],
    ["most colors common", 8],
  ])("answers every brand as the definition does with %s", async (_, commonColorOwners) => {
    if (commonColorOwners !== null) {
      await settleCommonColors({ ...gateway.deps.graph!, commonColorOwners }, pool);
      const common = await gateway.deps.graph!.driver.executeQuery("MATCH (c:Color:Common) WHERE c.hex IN $pool RETURN count(c) AS n", { pool }, { database: gateway.deps.graph!.database });
      expect(common.records[0]!.get("n")).toBeGreaterThanOrEqual(commonColorOwners === 25 ? 2 : 5);
    }
    for (const minSharedColors of [1, 2, 3, 4, 6]) {
      const limit = 50;
      const matches = await findSimilarBrands(gateway.deps.graph, brands.map((b) => b.id), { minSharedColors, limit });
      const expected = everySimilarBrand(brands, minSharedColors, limit);
      expect(withoutNames(matches)).toEqual(expected);
      if (minSharedColors <= 3) expect(expected.length).toBeGreaterThan(brands.length);
    }
  });
});

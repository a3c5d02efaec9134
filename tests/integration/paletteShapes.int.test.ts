// The palette shapes similarBrands ranks (src/projector/paletteShapes.ts) stay exact — every brand
// holds the shape its palette and its colors' labels give, every shape is held, every label is
// within its marks — while two drainers race over palettes that push colors across the common-color
// marks both ways; similarBrands answers as the definition does throughout; and reconcile finds and
// repairs shapes and labels changed around the projector.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileColorBatch } from "../../src/backfill/reconcileColorBatch.ts";
import { reconcilePostgresBatch } from "../../src/backfill/reconcilePostgresBatch.ts";
import { differingShapes } from "../../src/backfill/reconcileShapes.ts";
import { seededRandom } from "../../src/domain/seededRandom.ts";
import type { GraphConnection } from "../../src/graph/graphConnection.ts";
import { commonColorMarks } from "../../src/projector/paletteShapes.ts";
import { findSimilarBrands } from "../../src/relationships/similarBrands.ts";
import { drainRacing, racingDrainers, type RacingDrainers } from "../support/racingDrainers.ts";
import { removeGraphSlice } from "../support/removeGraphSlice.ts";
import { everySimilarBrand, withoutNames } from "../support/similarBrandsOracle.ts";
import { newScope, syncedWrites, uniqueHex, type TestScope } from "../support/syncedWrites.ts";
import type { TestDeps } from "../support/testDeps.ts";

// Small marks, so a handful of brands moves a color across them: common at 6 owners, not below 3.
const COMMON_COLOR_OWNERS = 6;

let drainers: RacingDrainers;
let writer: TestDeps;
let graph: GraphConnection;
const scopes: TestScope[] = [];
const organizations: string[] = [];
beforeAll(() => {
  drainers = racingDrainers({ batchSize: 5, config: { commonColorOwners: COMMON_COLOR_OWNERS } });
  writer = drainers.writer;
  graph = drainers.first.graph!;
});
afterAll(async () => {
  for (const scope of scopes) await removeGraphSlice(graph.driver, graph.database, scope);
  await writer.prisma.organization.deleteMany({ where: { id: { in: organizations } } });
  for (const deps of [drainers.writer, drainers.first, drainers.second]) await deps.close();
});

const cypher = (text: string, params: Record<string, unknown> = {}) => graph.driver.executeQuery(text, params, { database: graph.database });

async function palettesInPostgres(scope: TestScope) {
  const rows = await writer.prisma.brand.findMany({ where: { id: { in: [...scope.brands] } }, include: { colors: true } });
  return rows.map((b) => ({ id: b.id, organizationId: b.organizationId, palette: b.colors.map((c) => c.hex) }));
}

async function commonHexes(hexes: readonly string[]): Promise<string[]> {
  const { records } = await cypher("MATCH (c:Color:Common) WHERE c.hex IN $hexes RETURN c.hex AS hex ORDER BY hex", { hexes });
  return records.map((r) => r.get("hex"));
}

/** Every invariant the shapes and labels keep, over the scope's brands and colors. */
async function expectExactShapes(scope: TestScope) {
  const hexes = [...scope.hexes];
  const brands = await palettesInPostgres(scope);
  expect(await differingShapes(graph, brands.map((b) => b.id))).toEqual([]);

  const { join, leave } = commonColorMarks({ ...graph, commonColorOwners: COMMON_COLOR_OWNERS });
  const labels = await cypher(
    "MATCH (c:Color) WHERE c.hex IN $hexes RETURN c.hex AS hex, c:Common AS common, COUNT { (c)<-[:OWNS_COLOR]-() } AS owners",
    { hexes },
  );
  for (const r of labels.records) {
    const owners = Number(r.get("owners"));
    expect({ hex: r.get("hex"), withinMarks: r.get("common") ? owners >= leave : owners < join }).toEqual({ hex: r.get("hex"), withinMarks: true });
  }

  const shapes = await cypher(
    `MATCH (s:PaletteShape)-[:HAS_COMMON]->(c:Color) WHERE c.hex IN $hexes
     WITH DISTINCT s
     RETURN s.key AS key, s.common AS common, s.others AS others, COUNT { (s)<-[:HAS_SHAPE]-() } AS members,
            COLLECT { MATCH (s)-[:HAS_COMMON]->(x) RETURN x.hex ORDER BY x.hex } AS linked`,
    { hexes },
  );
  for (const r of shapes.records) {
    expect(Number(r.get("members"))).toBeGreaterThan(0);
    expect(r.get("linked")).toEqual(r.get("common"));
    expect(r.get("key")).toBe(`${r.get("common").join("")}/${r.get("others")}`);
  }

  for (const minSharedColors of [1, 2, 3]) {
    const matches = await findSimilarBrands(graph, brands.map((b) => b.id), { minSharedColors, limit: 50 });
    expect(withoutNames(matches)).toEqual(everySimilarBrand(brands, minSharedColors, 50));
  }
}

describe("palette shapes", () => {
  it("stay exact while two drainers race over palettes pushing colors across the common marks and back", async () => {
    const scope = newScope();
    scopes.push(scope);
    const writes = syncedWrites(writer, scope);
    const random = seededRandom(31);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const hexes = Array.from({ length: 6 }, () => uniqueHex(scope));
    const palette = (share: number) => hexes.filter(() => random() < share).map((hex) => ({ hex }));
    const orgs = await Promise.all([0, 1, 2].map(() => writes.createOrganization()));
    organizations.push(...orgs.map((o) => o.id));
    // Three lanes at once, so projections of brands sharing a color overlap with its flips. Each lane
    // changes only its own brands: a brand one lane deletes is never another's to update.
    const lanes: string[][] = [[], [], []];
    for (let i = 0; i < 12; i++) lanes[i % 3]!.push((await writes.createBrand({ organizationId: orgs[i % 3]!.id, colors: palette(0.3) })).id);

    const race = async (share: number) => {
      let writing = true;
      const load = (async () => {
        await Promise.all(
          lanes.map(async (brands) => {
            for (let i = 0; i < 15; i++) {
              const roll = random();
              if (roll < 0.7) await writes.updateBrand(pick(brands), { colors: palette(share) });
              else if (roll < 0.85 || brands.length < 3) brands.push((await writes.createBrand({ organizationId: pick(orgs).id, colors: palette(share) })).id);
              else await writes.deleteBrand(brands.splice(Math.floor(random() * brands.length), 1)[0]!);
            }
          }),
        );
        writing = false;
      })();
      await Promise.all([load, drainRacing(drainers, scope, () => writing)]);
    };

    await race(0.85);
    await expectExactShapes(scope);
    const joined = await commonHexes(hexes);
    expect(joined.length).toBeGreaterThan(2);

    await race(0.1);
    await expectExactShapes(scope);
    const stillCommon = await commonHexes(hexes);
    expect(joined.filter((hex) => !stillCommon.includes(hex)).length).toBeGreaterThan(0);
  }, 180_000);

  it("are repaired by reconcile when the graph changed around the projector, and a dry run only counts", async () => {
    const scope = newScope();
    scopes.push(scope);
    const writes = syncedWrites(writer, scope);
    const [white, black, red, blue] = Array.from({ length: 4 }, () => uniqueHex(scope)) as [string, string, string, string];
    const orgs = await Promise.all([0, 1].map(() => writes.createOrganization()));
    organizations.push(...orgs.map((o) => o.id));
    const brands: string[] = [];
    for (let i = 0; i < 8; i++) {
      const colors = [white, black, i % 2 ? red : blue].map((hex) => ({ hex }));
      brands.push((await writes.createBrand({ organizationId: orgs[i % 2]!.id, colors })).id);
    }
    await drainRacing(drainers, scope, () => false);
    expect(await commonHexes([white, black, red, blue])).toEqual([white, black].sort());
    await expectExactShapes(scope);

    // Drift: a brand without its shape, a brand in a shape its palette does not give, a shape no
    // brand holds, and a color whose label no longer follows its owners.
    const [lost, moved] = brands as [string, string];
    await cypher("MATCH (:Brand {brand_id: $lost})-[h:HAS_SHAPE]->() DELETE h", { lost });
    await cypher(
      `MATCH (b:Brand {brand_id: $moved})-[h:HAS_SHAPE]->(), (c:Color {hex: $white})
       DELETE h
       CREATE (b)-[:HAS_SHAPE]->(s:PaletteShape {key: $white + '/9', common: [$white], others: 9})-[:HAS_COMMON]->(c)`,
      { moved, white },
    );
    await cypher("MATCH (c:Color {hex: $black}) CREATE (:PaletteShape {key: $black + '/7', common: [$black], others: 7})-[:HAS_COMMON]->(c)", { black });
    const deps = { prisma: writer.prisma, graph };
    const colors = [white, black, red, blue].map((hex) => ({ hex, otherKeys: [] }));

    expect(await reconcilePostgresBatch(deps, "brand", brands, true)).toMatchObject({ differing: 2, differingRelationships: 2, unchanged: 6 });
    expect(await differingShapes(graph, brands)).toEqual([lost, moved].sort());
    expect(await reconcilePostgresBatch(deps, "brand", brands, false)).toMatchObject({ differing: 2, differingRelationships: 2 });
    expect(await differingShapes(graph, brands)).toEqual([]);
    expect((await reconcileColorBatch(deps, colors, true, true)).extra).toBeGreaterThanOrEqual(1);
    expect((await reconcileColorBatch(deps, colors, false, true)).extra).toBeGreaterThanOrEqual(1);
    await expectExactShapes(scope);

    await cypher("MATCH (c:Color {hex: $black}) REMOVE c:Common", { black });
    expect(await reconcileColorBatch(deps, colors, true, true)).toMatchObject({ differingNodes: 1 });
    expect(await commonHexes([black])).toEqual([]);
    expect(await reconcileColorBatch(deps, colors, false, true)).toMatchObject({ differingNodes: 1 });
    expect(await commonHexes([black])).toEqual([black]);
    await expectExactShapes(scope);
  }, 120_000);
});

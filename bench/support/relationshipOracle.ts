// The oracle of the relationship queries the gateway optimizes: their definitions in the plainest
// Cypher (walk every color, no pruning), ranked here in TypeScript, against which the project's own
// statements are compared answer by answer on the benchmark's data.
import { isDeepStrictEqual } from "node:util";
import type { GraphConnection } from "../../src/graph/graphConnection.ts";
import { findBrandsUsingColor } from "../../src/relationships/brandsUsingColor.ts";
import { findSimilarBrands } from "../../src/relationships/similarBrands.ts";

const SIMILAR = { minSharedColors: 3, limit: 5 };

const SIMILAR_BRANDS_DEFINITION = `
MATCH (b1:Brand {brand_id: $id})-[:OWNS_COLOR]->(c:Color)<-[:OWNS_COLOR]-(b2:Brand)
WHERE b2.organization_id <> b1.organization_id
WITH b1, b2, collect(c.hex) AS shared
WHERE size(shared) >= $minSharedColors
RETURN b2.brand_id AS id, b2.name AS name, shared,
       COUNT { (b1)-[:OWNS_COLOR]->() } AS colorsA, COUNT { (b2)-[:OWNS_COLOR]->() } AS colorsB`;

const BRANDS_USING_COLOR_DEFINITION = `
MATCH (b:Brand)-[r:OWNS_COLOR]->(:Color {hex: $hex})
WHERE b.organization_id = $organizationId
RETURN b.brand_id AS brandId, b.name AS brandName, r.usage AS usage, r.usage_weight AS usageWeight`;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function similarBrandsByDefinition(graph: GraphConnection, id: string) {
  const { records } = await graph.driver.executeQuery(SIMILAR_BRANDS_DEFINITION, { id, minSharedColors: SIMILAR.minSharedColors }, { database: graph.database });
  return records
    .map((r) => {
      const shared = (r.get("shared") as string[]).sort(byCodePoint);
      const colorsA = Number(r.get("colorsA"));
      const colorsB = Number(r.get("colorsB"));
      return { brandId: id, similarBrandId: r.get("id") as string, similarBrandName: r.get("name") as string | null, sharedColors: shared, sharedColorCount: shared.length, similarityScore: shared.length / (colorsA + colorsB - shared.length) };
    })
    .sort((x, y) => y.similarityScore - x.similarityScore || y.sharedColorCount - x.sharedColorCount || byCodePoint(x.similarBrandId, y.similarBrandId))
    .slice(0, SIMILAR.limit);
}

async function brandsUsingColorByDefinition(graph: GraphConnection, hex: string, organizationId: string) {
  const { records } = await graph.driver.executeQuery(BRANDS_USING_COLOR_DEFINITION, { hex, organizationId }, { database: graph.database });
  const weightOf = (w: number | null) => (w === null ? -Infinity : w);
  return records
    .map((r) => r.toObject() as { brandId: string; brandName: string | null; usage: string | null; usageWeight: number | null })
    .sort((x, y) => weightOf(y.usageWeight) - weightOf(x.usageWeight) || byCodePoint(x.brandId, y.brandId));
}

/**
 * `count` brands of the sample (and for each, the color of its palette at its turn) asked both ways:
 * how many answers of each query were equal, and the first difference seen.
 */
export async function compareWithOracle(graph: GraphConnection, brands: readonly { id: string; organizationId: string; palette: readonly string[] }[], count: number) {
  const asked = brands.slice(0, count);
  let equal = 0;
  let firstDifference: unknown = null;
  const note = (same: boolean, what: unknown) => {
    if (same) equal += 1;
    else firstDifference ??= what;
  };
  for (const [i, brand] of asked.entries()) {
    const similar = await findSimilarBrands(graph, [brand.id], SIMILAR);
    const expected = await similarBrandsByDefinition(graph, brand.id);
    note(isDeepStrictEqual(similar, expected), { query: "similarBrands", brandId: brand.id, got: similar, expected });

    const hex = brand.palette[i % brand.palette.length]!;
    const [color] = await findBrandsUsingColor(graph, [hex], brand.organizationId);
    const owners = await brandsUsingColorByDefinition(graph, hex, brand.organizationId);
    note(isDeepStrictEqual(color?.owners, owners), { query: "Color.brands", hex, organizationId: brand.organizationId, got: color?.owners, expected: owners });
  }
  return { asked: asked.length * 2, equal, firstDifference };
}

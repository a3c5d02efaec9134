// The oracle of the relationship queries the gateway optimizes: their definitions in the plainest
// Cypher (walk every color, no pruning; pairings from the approved assets, not the projector's
// counts), ranked here in TypeScript, against which the project's own
// statements are compared answer by answer on the benchmark's data.
import { isDeepStrictEqual } from "node:util";
import type { GraphConnection } from "../../src/graph/graphConnection.ts";
import { findBrandsUsingColor } from "../../src/relationships/brandsUsingColor.ts";
import { findColorPairings } from "../../src/relationships/colorPairings.ts";
import { findSimilarBrands } from "../../src/relationships/similarBrands.ts";

/** similarBrands, Color.brands and Color.pairings: each asked once per brand of the sample. */
export const QUERIES = 3;

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

const PAIRINGS = { minSamples: 5, limit: 10 };

const COLOR_PAIRINGS_DEFINITION = `
MATCH (:Color {hex: $hex})<-[:USES_COLOR]-(a:Asset)-[:USES_COLOR]->(c2:Color)
WHERE c2.hex <> $hex AND EXISTS { (a)-[:RECEIVED_FEEDBACK {action: 'approve'}]->() }
WITH c2, count(a) AS pairingCount, avg(a.compliance_score) AS avgComplianceScore
WHERE pairingCount >= $minSamples
RETURN c2.hex AS pairedHex, pairingCount, avgComplianceScore`;

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

/** Averages rounded to 1e-9: the counts keep a sum of floats, the definition averages afresh. */
const roundedPairings = (pairings: readonly { pairedHex: string; pairingCount: number; avgComplianceScore: number | null }[]) =>
  pairings.map((p) => ({
    pairedHex: p.pairedHex,
    pairingCount: p.pairingCount,
    avgComplianceScore: p.avgComplianceScore === null ? null : Math.round(p.avgComplianceScore * 1e9) / 1e9,
  }));

async function colorPairingsByDefinition(graph: GraphConnection, hex: string) {
  const { records } = await graph.driver.executeQuery(COLOR_PAIRINGS_DEFINITION, { hex, minSamples: PAIRINGS.minSamples }, { database: graph.database });
  return records
    .map((r) => r.toObject() as { pairedHex: string; pairingCount: number; avgComplianceScore: number | null })
    .sort((x, y) => y.pairingCount - x.pairingCount || byCodePoint(x.pairedHex, y.pairedHex))
    .slice(0, PAIRINGS.limit);
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

    const paired = brand.palette[(i + 1) % brand.palette.length]!;
    const [withPairings] = await findColorPairings(graph, [paired], PAIRINGS, null);
    const pairings = roundedPairings(withPairings?.pairings ?? []);
    const pairingsByDefinition = roundedPairings(await colorPairingsByDefinition(graph, paired));
    note(isDeepStrictEqual(pairings, pairingsByDefinition), { query: "Color.pairings", hex: paired, got: pairings, expected: pairingsByDefinition });
  }
  return { asked: asked.length * QUERIES, equal, firstDifference };
}

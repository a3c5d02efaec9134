// Brands with a similar palette: brands of OTHER organizations sharing at least minSharedColors
// colors, scored by Jaccard shared / (|A| + |B| - shared). Ties are broken by the shared count
// (more shared colors first), then by brand_id ascending, so equal scores always list the same way.
// One statement answers many brands at once (UNWIND), which is how a list of brands stays one
// round trip; a single brand is the list of one.
import { int } from "neo4j-driver";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { graphStatement } from "../graph/graphStatement.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";

export interface SimilarBrandsArgs {
  readonly minSharedColors: number;
  readonly limit: number;
}

export interface SimilarBrandMatch {
  /** The brand asked about. */
  readonly brandId: string;
  readonly similarBrandId: string;
  readonly similarBrandName: string | null;
  /** Ascending hex. */
  readonly sharedColors: string[];
  readonly sharedColorCount: number;
  readonly similarityScore: number;
}

// Candidates come two ways, and the answer is the same as ranking every brand:
// - Brands sharing an uncommon color are walked from those colors, each owned by few brands (with
//   fewer than minSharedColors common colors asked, every candidate shares one, and prefix filtering
//   as in set-similarity joins walks only the n - m + 1 least-owned of the n asked colors).
// - Brands sharing only common colors (white and black sit in half of all palettes) are not walked:
//   their score depends on their palette shape alone (src/projector/paletteShapes.ts). Shapes are
//   reached through the asked common colors, again by prefix filtering, ranked best first and taken
//   until they hold `limit` brands plus every brand the answer may exclude (the asker's organization,
//   the uncommon-color candidates) with ties included; each taken shape gives its first brands by id.
const SIMILAR_BRANDS = graphStatement(
  "similarBrands",
  `
UNWIND $brandIds AS askedId
MATCH (b1:Brand {brand_id: askedId})
CALL (b1) {
  MATCH (b1)-[:OWNS_COLOR]->(c:Color)
  WITH c, COUNT { (c)<-[:OWNS_COLOR]-() } AS owners, COUNT { (c)<-[:HAS_COMMON]-() } AS shapes
  ORDER BY owners ASC, c.hex ASC
  WITH collect({c: c, owners: owners, shapes: shapes}) AS rows
  RETURN [r IN rows | r.c] AS palette, [r IN rows WHERE NOT r.c:Common | r.c] AS rare,
         [r IN rows WHERE r.c:Common | r] AS common,
         reduce(t = 0, r IN rows | t + CASE WHEN r.c:Common THEN 0 ELSE r.owners END) AS rareOwners
}
WITH b1, palette, rare, common, rareOwners, size(palette) AS colorsA
WHERE colorsA >= $minSharedColors
CALL (b1, palette, rare, common, rareOwners, colorsA) {
  WITH b1, palette, colorsA,
       CASE WHEN size(common) >= $minSharedColors THEN rare ELSE palette[0..colorsA - $minSharedColors + 1] END AS walk
  UNWIND walk AS w
  MATCH (w)<-[:OWNS_COLOR]-(b2:Brand)
  WITH DISTINCT b1, palette, colorsA, b2
  // Node identity and degrees only: properties are read for the brands that qualify.
  WITH b1, b2, colorsA, COUNT { (b2)-[:OWNS_COLOR]->(c) WHERE c IN palette } AS shared
  WHERE shared >= $minSharedColors AND b2.organization_id <> b1.organization_id
  RETURN b2, shared, toFloat(shared) / (colorsA + COUNT { (b2)-[:OWNS_COLOR]->() } - shared) AS score
  UNION
  WITH b1, rare, common, rareOwners, colorsA WHERE size(common) >= $minSharedColors
  CALL (common) { UNWIND common AS r WITH r ORDER BY r.shapes ASC, r.c.hex ASC RETURN collect(r.c) AS byShapes }
  WITH b1, rare, rareOwners, colorsA, [r IN common | r.c.hex] AS commonHexes, byShapes
  UNWIND byShapes[0..size(byShapes) - $minSharedColors + 1] AS first
  MATCH (first)<-[:HAS_COMMON]-(s:PaletteShape)
  WITH DISTINCT b1, rare, rareOwners, colorsA, commonHexes, s
  WITH b1, rare, rareOwners, colorsA, s, size([h IN s.common WHERE h IN commonHexes]) AS shared
  WHERE shared >= $minSharedColors
  WITH b1, rare, rareOwners, s, shared, toFloat(shared) / (colorsA + size(s.common) + s.others - shared) AS score,
       COUNT { (s)<-[:HAS_SHAPE]-() } AS members
  ORDER BY score DESC, shared DESC
  WITH b1, rare, rareOwners, collect({s: s, shared: shared, score: score, members: members}) AS shapes
  WITH b1, rare, shapes, $limit + rareOwners + COUNT { (:Brand {organization_id: b1.organization_id}) } AS needed
  WITH b1, rare, shapes,
       [i IN range(0, size(shapes) - 1) WHERE reduce(t = 0, x IN shapes[0..i + 1] | t + x.members) >= needed][0] AS enough
  UNWIND CASE WHEN enough IS NULL THEN shapes ELSE [x IN shapes WHERE x.score >= shapes[enough].score] END AS taken
  CALL (b1, rare, taken) {
    WITH taken.s AS s
    MATCH (s)<-[:HAS_SHAPE]-(b2:Brand)
    WHERE b2.organization_id <> b1.organization_id AND NOT EXISTS { (b2)-[:OWNS_COLOR]->(c) WHERE c IN rare }
    WITH b2 ORDER BY b2.brand_id LIMIT $limit
    RETURN b2
  }
  RETURN b2, taken.shared AS shared, taken.score AS score
}
WITH b1, palette, b2, shared, score
ORDER BY score DESC, shared DESC, b2.brand_id ASC
WITH b1, palette, collect({b2: b2, shared: shared, score: score})[0..$limit] AS top
UNWIND top AS match
WITH b1, palette, match.b2 AS b2, match.shared AS shared, match.score AS score
CALL (b2, palette) {
  MATCH (b2)-[:OWNS_COLOR]->(c:Color)
  WHERE c IN palette
  WITH c ORDER BY c.hex
  RETURN collect(c.hex) AS sharedColors
}
RETURN b1.brand_id AS brandId, b2.brand_id AS similarBrandId, b2.name AS similarBrandName, sharedColors,
       shared AS sharedColorCount, score AS similarityScore
ORDER BY brandId, similarityScore DESC, sharedColorCount DESC, similarBrandId ASC
`,
);

export function findSimilarBrands(
  graph: GraphConnection | null,
  brandIds: readonly string[],
  { minSharedColors, limit }: SimilarBrandsArgs,
): Promise<SimilarBrandMatch[]> {
  return runGraphQuery(graph, SIMILAR_BRANDS, { brandIds, minSharedColors: int(minSharedColors), limit: int(limit) });
}

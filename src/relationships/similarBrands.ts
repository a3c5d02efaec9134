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

// Prefix filtering, as in set-similarity joins: with the asked palette's n colors ordered by how many
// brands own each (fewest first), a brand sharing at least m of them shares one of the first n - m + 1.
// Candidates are found through those colors only, so the m - 1 most-owned ones (white and black in
// half of all palettes) are never walked from; each candidate's own few colors then give the exact
// shared set. A brand sharing fewer than m colors is never an answer, so the result is the same as
// walking every color.
const SIMILAR_BRANDS = graphStatement(
  "similarBrands",
  `
UNWIND $brandIds AS askedId
MATCH (b1:Brand {brand_id: askedId})
CALL (b1) {
  MATCH (b1)-[:OWNS_COLOR]->(c:Color)
  WITH c, COUNT { (c)<-[:OWNS_COLOR]-() } AS owners
  ORDER BY owners ASC, c.hex ASC
  RETURN collect(c) AS palette
}
WITH b1, palette, size(palette) AS colorsA
WHERE colorsA >= $minSharedColors
CALL (b1, palette, colorsA) {
  UNWIND palette[0..colorsA - $minSharedColors + 1] AS rare
  MATCH (rare)<-[:OWNS_COLOR]-(b2:Brand)
  WITH DISTINCT b2
  // Node identity and degrees only: properties are read for the brands that qualify.
  WITH b2, COUNT { (b2)-[:OWNS_COLOR]->(c) WHERE c IN palette } AS shared
  WHERE shared >= $minSharedColors AND b2.organization_id <> b1.organization_id
  WITH b2, shared, toFloat(shared) / (colorsA + COUNT { (b2)-[:OWNS_COLOR]->() } - shared) AS score
  ORDER BY score DESC, shared DESC, b2.brand_id ASC
  LIMIT $limit
  CALL (b2, palette) {
    MATCH (b2)-[:OWNS_COLOR]->(c:Color)
    WHERE c IN palette
    WITH c ORDER BY c.hex
    RETURN collect(c.hex) AS sharedColors
  }
  RETURN b2.brand_id AS similarBrandId, b2.name AS similarBrandName, sharedColors,
         shared AS sharedColorCount, score AS similarityScore
}
RETURN b1.brand_id AS brandId, similarBrandId, similarBrandName, sharedColors, sharedColorCount, similarityScore
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

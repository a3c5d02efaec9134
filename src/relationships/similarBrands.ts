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

const SIMILAR_BRANDS = graphStatement(
  "similarBrands",
  `
UNWIND $brandIds AS askedId
MATCH (b1:Brand {brand_id: askedId})
WITH b1, COUNT { (b1)-[:OWNS_COLOR]->(:Color) } AS colorsA
CALL (b1, colorsA) {
  MATCH (b1)-[:OWNS_COLOR]->(c:Color)<-[:OWNS_COLOR]-(b2:Brand)
  WHERE b2.organization_id <> b1.organization_id
  WITH b2, c ORDER BY c.hex
  WITH b2, collect(c.hex) AS sharedColors
  WHERE size(sharedColors) >= $minSharedColors
  WITH b2, sharedColors, size(sharedColors) AS shared, COUNT { (b2)-[:OWNS_COLOR]->(:Color) } AS colorsB
  WITH b2, sharedColors, shared, toFloat(shared) / (colorsA + colorsB - shared) AS score
  ORDER BY score DESC, shared DESC, b2.brand_id ASC
  LIMIT $limit
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
  return runGraphQuery(graph, SIMILAR_BRANDS, { brandIds, minSharedColors, limit: int(limit) });
}

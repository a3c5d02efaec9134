// The brands whose palette has a color, by usage_weight descending (brands without a weight
// last), ties by brand_id ascending. Batched over many colors (UNWIND). A caller sees only its own
// organization's brands here: organizationId null means every organization (authentication off).
import type { GraphConnection } from "../../http/deps.ts";
import { graphStatement } from "../graphStatement.ts";
import { runGraphQuery } from "../runGraphQuery.ts";

export interface ColorOwnerMatch {
  /** The color asked about. */
  readonly hex: string;
  readonly brandId: string;
  readonly brandName: string | null;
  readonly usage: string | null;
  readonly usageWeight: number | null;
}

const BRANDS_USING_COLOR = graphStatement(
  "brandsUsingColor",
  `
UNWIND $hexes AS askedHex
MATCH (b:Brand)-[r:OWNS_COLOR]->(c:Color {hex: askedHex})
WHERE $organizationId IS NULL OR b.organization_id = $organizationId
RETURN c.hex AS hex, b.brand_id AS brandId, b.name AS brandName, r.usage AS usage, r.usage_weight AS usageWeight
ORDER BY hex, usageWeight IS NULL, usageWeight DESC, brandId ASC
`,
);

export function findBrandsUsingColor(
  graph: GraphConnection | null,
  hexes: readonly string[],
  organizationId: string | null,
): Promise<ColorOwnerMatch[]> {
  return runGraphQuery(graph, BRANDS_USING_COLOR, { hexes, organizationId });
}

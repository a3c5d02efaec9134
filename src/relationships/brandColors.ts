// A brand's palette as the graph holds it, by usage_weight descending (unweighted colors last),
// ties by hex ascending. Each color is named as this brand names it (its palette entry, kept on
// OWNS_COLOR), as Brand.colors answers: another organization's name for the hex is never read.
import type { GraphConnection } from "../graph/graphConnection.ts";
import { graphStatement } from "../graph/graphStatement.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";

export interface BrandColorMatch {
  readonly hex: string;
  readonly name: string | null;
  readonly usage: string | null;
  readonly usageWeight: number | null;
  readonly context: string | null;
}

const BRAND_COLORS = graphStatement(
  "brandColors",
  `
MATCH (:Brand {brand_id: $brandId})-[r:OWNS_COLOR]->(c:Color)
RETURN c.hex AS hex, r.name AS name, r.usage AS usage, r.usage_weight AS usageWeight, r.context AS context
ORDER BY usageWeight IS NULL, usageWeight DESC, hex ASC
`,
);

export function findBrandColors(graph: GraphConnection | null, brandId: string): Promise<BrandColorMatch[]> {
  return runGraphQuery(graph, BRAND_COLORS, { brandId });
}

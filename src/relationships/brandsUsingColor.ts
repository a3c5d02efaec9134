// The brands whose palette has a color, by usage_weight descending (brands without a weight
// last), ties by brand_id ascending. Batched over many colors (UNWIND). A caller sees only its own
// organization's brands here: organizationId null means every organization (authentication off).
// Each asked color that exists answers one row carrying its name too (the caller's own, see
// ownColorName.ts: the smallest name these same brands give it), so `color(hex) { brands }` learns
// from this one statement both whether the color exists and who uses it.
import type { GraphConnection } from "../graph/graphConnection.ts";
import { graphStatement } from "../graph/graphStatement.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";
import type { ColorNode } from "./colorByHex.ts";

export interface ColorOwnerMatch {
  readonly brandId: string;
  readonly brandName: string | null;
  readonly usage: string | null;
  readonly usageWeight: number | null;
}

export interface ColorWithOwners extends ColorNode {
  readonly owners: ColorOwnerMatch[];
}

const ownersRankedAs = (match: string) => `
UNWIND $hexes AS askedHex
MATCH (c:Color {hex: askedHex})
CALL (c) {
  ${match}
  WITH b, r
  ORDER BY r.usage_weight IS NULL, r.usage_weight DESC, b.brand_id ASC
  // An aggregate with no grouping key always answers one row: [] when no brand uses the color.
  RETURN collect({brandId: b.brand_id, brandName: b.name, usage: r.usage, usageWeight: r.usage_weight}) AS owners,
         min(r.name) AS name
}
RETURN c.hex AS hex, name, owners
`;

const BRANDS_USING_COLOR = graphStatement("brandsUsingColor", ownersRankedAs("MATCH (b:Brand)-[r:OWNS_COLOR]->(c)"));

// A tenant's view starts from its own brands (the organization_id index) and checks each one's few
// palette edges, so a color in half of all palettes (white) costs a tenant what its own ten brands do,
// not a walk over every owner of the color.
const ORGANIZATION_BRANDS_USING_COLOR = graphStatement(
  "organizationBrandsUsingColor",
  ownersRankedAs("MATCH (b:Brand {organization_id: $organizationId}) USING INDEX b:Brand(organization_id)\n  MATCH (b)-[r:OWNS_COLOR]->(c)"),
);

/** One entry per asked color the graph has (absent colors have none), owners in rank order. */
export function findBrandsUsingColor(
  graph: GraphConnection | null,
  hexes: readonly string[],
  organizationId: string | null,
): Promise<ColorWithOwners[]> {
  return organizationId === null
    ? runGraphQuery(graph, BRANDS_USING_COLOR, { hexes })
    : runGraphQuery(graph, ORGANIZATION_BRANDS_USING_COLOR, { hexes, organizationId });
}

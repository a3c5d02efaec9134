// Colors that pair well with a color: co-used (USES_COLOR) in the same asset, counting only assets
// with approve feedback; at least minSamples such assets; top `limit` by count, ties by hex
// ascending. Batched over many colors (UNWIND) so a list of colors is one round trip. Each asked
// color that exists answers one row carrying its name too, so `color(hex) { pairings }` learns
// from this one statement both whether the color exists and its pairings. The counts span every
// organization's approved assets; the names, the asked color's and each paired one's, are the
// caller's own (ownColorName.ts).
import { int } from "neo4j-driver";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { graphStatement } from "../graph/graphStatement.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";
import type { ColorNode } from "./colorByHex.ts";
import { ownColorName } from "./ownColorName.ts";

export interface ColorPairingsArgs {
  readonly minSamples: number;
  readonly limit: number;
}

export interface ColorPairingMatch {
  readonly pairedHex: string;
  /** The caller's own name for the paired color. */
  readonly pairedName: string | null;
  readonly pairingCount: number;
  /** Null when no counted asset has a compliance score. */
  readonly avgComplianceScore: number | null;
}

export interface ColorWithPairings extends ColorNode {
  readonly pairings: ColorPairingMatch[];
}

const COLOR_PAIRINGS = graphStatement(
  "colorPairings",
  `
UNWIND $hexes AS askedHex
MATCH (c1:Color {hex: askedHex})
CALL (c1) {
  MATCH (c1)<-[:USES_COLOR]-(a:Asset)
  WHERE EXISTS { (a)-[:RECEIVED_FEEDBACK {action: 'approve'}]->() }
  MATCH (a)-[:USES_COLOR]->(c2:Color)
  WHERE c2 <> c1
  WITH c2, count(a) AS pairingCount, avg(a.compliance_score) AS avgComplianceScore
  WHERE pairingCount >= $minSamples
  ORDER BY pairingCount DESC, c2.hex ASC
  LIMIT $limit
  ${ownColorName("c2", "pairedName")}
  WITH c2, pairedName, pairingCount, avgComplianceScore ORDER BY pairingCount DESC, c2.hex ASC
  // An aggregate with no grouping key always answers one row: [] when nothing pairs.
  RETURN collect({pairedHex: c2.hex, pairedName: pairedName, pairingCount: pairingCount,
                  avgComplianceScore: avgComplianceScore}) AS pairings
}
${ownColorName("c1", "name")}
RETURN c1.hex AS hex, name, pairings
`,
);

/**
 * One entry per asked color the graph has (absent colors have none), pairings in rank order, named
 * as the caller's organization names them (organizationId null: every organization).
 */
export function findColorPairings(
  graph: GraphConnection | null,
  hexes: readonly string[],
  { minSamples, limit }: ColorPairingsArgs,
  organizationId: string | null,
): Promise<ColorWithPairings[]> {
  return runGraphQuery(graph, COLOR_PAIRINGS, { hexes, minSamples, limit: int(limit), organizationId });
}

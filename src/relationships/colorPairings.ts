// Colors that pair well with a color: co-used (USES_COLOR) in the same asset, counting only assets
// with approve feedback; at least minSamples such assets; top `limit` by count, ties by hex
// ascending. The counts are the projector's (PAIRS_WITH, colorPairCounts.ts), so a color in half of
// all assets answers from its few hundred pairs, not its assets. Batched over many colors (UNWIND)
// so a list of colors is one round trip. Each asked color that exists answers one row carrying its
// name too, so `color(hex) { pairings }` learns from this one statement both whether the color
// exists and its pairings. The counts span every organization's approved assets; the names, the
// asked color's and each paired one's, are the caller's own (ownColorName.ts).
import { int } from "neo4j-driver";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";
import type { ColorNode } from "./colorByHex.ts";
import { namedFor, namingStatements, ownColorName } from "./ownColorName.ts";
import { NANOS, PAIRS_WITH } from "../projector/colorPairCounts.ts";

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

const COLOR_PAIRINGS = namingStatements(
  "colorPairings",
  (scope) => `
UNWIND $hexes AS askedHex
MATCH (c1:Color {hex: askedHex})
CALL (c1) {
  MATCH (c1)-[p:${PAIRS_WITH}]-(c2:Color)
  WHERE p.count >= $minSamples
  WITH c2, p.count AS pairingCount, CASE p.scored WHEN 0 THEN null ELSE toFloat(p.score_nanos) / (p.scored * ${NANOS}) END AS avgComplianceScore
  ORDER BY pairingCount DESC, c2.hex ASC
  LIMIT $limit
  ${ownColorName("c2", "pairedName", scope)}
  WITH c2, pairedName, pairingCount, avgComplianceScore ORDER BY pairingCount DESC, c2.hex ASC
  // An aggregate with no grouping key always answers one row: [] when nothing pairs.
  RETURN collect({pairedHex: c2.hex, pairedName: pairedName, pairingCount: pairingCount,
                  avgComplianceScore: avgComplianceScore}) AS pairings
}
${ownColorName("c1", "name", scope)}
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
  return runGraphQuery(graph, namedFor(COLOR_PAIRINGS, organizationId), { hexes, minSamples, limit: int(limit), organizationId });
}

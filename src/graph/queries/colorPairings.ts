// Colors that pair well with a color: co-used (USES_COLOR) in the same asset, counting only assets
// with approve feedback; at least minSamples such assets; top `limit` by count, ties by hex
// ascending. Batched over many colors (UNWIND) so a list of colors is one round trip.
import { int } from "neo4j-driver";
import type { GraphConnection } from "../../http/deps.ts";
import { graphStatement } from "../graphStatement.ts";
import { runGraphQuery } from "../runGraphQuery.ts";

export interface ColorPairingsArgs {
  readonly minSamples: number;
  readonly limit: number;
}

export interface ColorPairingMatch {
  /** The color asked about. */
  readonly hex: string;
  readonly pairedHex: string;
  readonly pairedName: string | null;
  readonly pairingCount: number;
  /** Null when no counted asset has a compliance score. */
  readonly avgComplianceScore: number | null;
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
  RETURN c2.hex AS pairedHex, c2.name AS pairedName, pairingCount, avgComplianceScore
  ORDER BY pairingCount DESC, pairedHex ASC
  LIMIT $limit
}
RETURN c1.hex AS hex, pairedHex, pairedName, pairingCount, avgComplianceScore
ORDER BY hex, pairingCount DESC, pairedHex ASC
`,
);

export function findColorPairings(
  graph: GraphConnection | null,
  hexes: readonly string[],
  { minSamples, limit }: ColorPairingsArgs,
): Promise<ColorPairingMatch[]> {
  return runGraphQuery(graph, COLOR_PAIRINGS, { hexes, minSamples, limit: int(limit) });
}

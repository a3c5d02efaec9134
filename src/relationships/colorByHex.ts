import type { GraphConnection } from "../graph/graphConnection.ts";
import { graphStatement } from "../graph/graphStatement.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";
import { ownColorName } from "./ownColorName.ts";

export interface ColorNode {
  /** '#RRGGBB', upper case. */
  readonly hex: string;
  /** The caller's own name for it (ownColorName.ts). */
  readonly name: string | null;
}

const COLOR_BY_HEX = graphStatement(
  "colorByHex",
  `
MATCH (c:Color {hex: $hex})
${ownColorName("c", "name")}
RETURN c.hex AS hex, name
`,
);

/**
 * The Color node with this (normalised) hex, or null when the graph has none; named as the
 * caller's organization names it (organizationId null: every organization).
 */
export async function findColor(graph: GraphConnection | null, hex: string, organizationId: string | null): Promise<ColorNode | null> {
  const [color] = await runGraphQuery<ColorNode>(graph, COLOR_BY_HEX, { hex, organizationId });
  return color ?? null;
}

const COLORS_BY_HEX = graphStatement(
  "colorsByHex",
  `
UNWIND $hexes AS hex
MATCH (c:Color {hex: hex})
${ownColorName("c", "name")}
RETURN c.hex AS hex, name
`,
);

/** findColor for many hexes in one statement (a palette's colors, batched per request). */
export function findColors(graph: GraphConnection | null, hexes: readonly string[], organizationId: string | null): Promise<ColorNode[]> {
  return runGraphQuery<ColorNode>(graph, COLORS_BY_HEX, { hexes, organizationId });
}

import type { GraphConnection } from "../graph/graphConnection.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";
import { namedFor, namingStatements, ownColorName } from "./ownColorName.ts";

export interface ColorNode {
  /** '#RRGGBB', upper case. */
  readonly hex: string;
  /** The caller's own name for it (ownColorName.ts). */
  readonly name: string | null;
}

const COLOR_BY_HEX = namingStatements(
  "colorByHex",
  (scope) => `
MATCH (c:Color {hex: $hex})
${ownColorName("c", "name", scope)}
RETURN c.hex AS hex, name
`,
);

/**
 * The Color node with this (normalised) hex, or null when the graph has none; named as the
 * caller's organization names it (organizationId null: every organization).
 */
export async function findColor(graph: GraphConnection | null, hex: string, organizationId: string | null): Promise<ColorNode | null> {
  const [color] = await runGraphQuery<ColorNode>(graph, namedFor(COLOR_BY_HEX, organizationId), { hex, organizationId });
  return color ?? null;
}

const COLORS_BY_HEX = namingStatements(
  "colorsByHex",
  (scope) => `
UNWIND $hexes AS hex
MATCH (c:Color {hex: hex})
${ownColorName("c", "name", scope)}
RETURN c.hex AS hex, name
`,
);

/** findColor for many hexes in one statement (a palette's colors, batched per request). */
export function findColors(graph: GraphConnection | null, hexes: readonly string[], organizationId: string | null): Promise<ColorNode[]> {
  return runGraphQuery<ColorNode>(graph, namedFor(COLORS_BY_HEX, organizationId), { hexes, organizationId });
}

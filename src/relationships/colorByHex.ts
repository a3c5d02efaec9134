import type { GraphConnection } from "../graph/graphConnection.ts";
import { graphStatement } from "../graph/graphStatement.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";

export interface ColorNode {
  /** '#RRGGBB', upper case. */
  readonly hex: string;
  readonly name: string | null;
}

const COLOR_BY_HEX = graphStatement("colorByHex", "MATCH (c:Color {hex: $hex}) RETURN c.hex AS hex, c.name AS name");

/** The Color node with this (normalised) hex, or null when the graph has none. */
export async function findColor(graph: GraphConnection | null, hex: string): Promise<ColorNode | null> {
  const [color] = await runGraphQuery<ColorNode>(graph, COLOR_BY_HEX, { hex });
  return color ?? null;
}

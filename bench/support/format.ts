import type { GraphCounts } from "./benchGraph.ts";

export const formatCount = (n: number) => n.toLocaleString("en-US");

export const describeGraph = (g: GraphCounts) => `${formatCount(g.nodes)} nodes, ${formatCount(g.relationships)} relationships`;

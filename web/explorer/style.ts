import type { StylesheetJson } from "cytoscape";

/** Colors are drawn in their own color; weights ride on the edges. */
export const graphStyle: StylesheetJson = [
  { selector: "node", style: { label: "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 4 } },
  { selector: 'node[kind = "brand"]', style: { shape: "round-rectangle", "background-color": "#334155", width: 46, height: 30, color: "#0f172a", "font-weight": "bold" } },
  { selector: 'node[kind = "color"]', style: { shape: "ellipse", "background-color": "data(hex)", "border-width": 1, "border-color": "#64748b", width: 28, height: 28 } },
  { selector: 'node[kind = "asset"]', style: { shape: "round-rectangle", "background-color": "#a3a3a3", width: 18, height: 18 } },
  { selector: 'node[kind = "template"]', style: { shape: "diamond", "background-color": "#7c3aed", width: 20, height: 20 } },
  { selector: "edge", style: { width: 1.5, "line-color": "#94a3b8", "curve-style": "bezier", label: "data(label)", "font-size": 8, color: "#475569" } },
  { selector: 'edge[kind = "OWNS_COLOR"]', style: { width: "mapData(weight, 0, 1, 1, 8)" } },
  { selector: 'edge[kind = "SIMILAR"]', style: { "line-style": "dashed", "line-color": "#0ea5e9", width: "mapData(weight, 0, 1, 1, 6)" } },
  { selector: ":selected", style: { "border-width": 3, "border-color": "#f59e0b" } },
];

// The industry queries, one path for GraphQL and REST: named Cypher over the Pattern nodes the
// refresher wrote, and the ordering, bounds and k re-check done here. Every row is an aggregate of
// at least k organizations (computePatterns.ts) and carries hexes and counts only; k is checked
// again at read time, so lowering the graph's guarantee needs a recomputation, never just a read.
import { int } from "neo4j-driver";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { graphStatement } from "../graph/graphStatement.ts";
import { runGraphQuery } from "../graph/runGraphQuery.ts";
import { deltaE00, hexToLab, type Lab } from "../pixels/lab.ts";

/** An IndustryInsights parent: the industry asked for, already validated and allowed. */
export interface IndustryParent {
  readonly code: string;
}

export interface IndustryPattern {
  readonly colors: string[];
  readonly size: number;
  readonly approvedAssets: number;
  readonly brands: number;
  readonly organizations: number;
  readonly approvalRate: number;
  readonly avgComplianceScore: number | null;
}

export interface TrendPoint {
  readonly month: string;
  readonly approvedAssets: number;
  readonly organizations: number;
}

export interface PatternTrend {
  readonly pattern: IndustryPattern;
  readonly points: TrendPoint[];
  readonly approvedAssets: number;
}

export interface PatternDistance {
  readonly pattern: IndustryPattern;
  readonly missingColors: string[];
  readonly distance: number;
}

const PATTERN_FIELDS = `p.hexes AS colors, p.size AS size, p.assets AS approvedAssets, p.brands AS brands,
  p.organizations AS organizations, p.approval_rate AS approvalRate, p.avg_compliance AS avgComplianceScore`;

const TOP_PATTERNS = graphStatement(
  "industryTopPatterns",
  `
MATCH (p:Pattern {industry: $industry})
WHERE p.size IN $sizes AND p.organizations >= $k
RETURN ${PATTERN_FIELDS}
ORDER BY p.assets DESC, p.pattern_id ASC
LIMIT $limit
`,
);

const PATTERNS_WITH_MONTHS = graphStatement(
  "industryPatternMonths",
  `
MATCH (p:Pattern {industry: $industry})
WHERE p.size IN $sizes AND p.organizations >= $k AND any(m IN p.months WHERE m >= $from AND m <= $to)
RETURN ${PATTERN_FIELDS}, p.months AS months, p.month_assets AS monthAssets, p.month_organizations AS monthOrganizations
`,
);

type PatternRow = IndustryPattern;

const toPattern = (row: PatternRow): IndustryPattern => ({
  colors: row.colors,
  size: Number(row.size),
  approvedAssets: Number(row.approvedAssets),
  brands: Number(row.brands),
  organizations: Number(row.organizations),
  approvalRate: Number(row.approvalRate),
  avgComplianceScore: row.avgComplianceScore === null ? null : Number(row.avgComplianceScore),
});

/** Colors in ascending order compare as the pattern's key does. */
const byColors = (a: IndustryPattern, b: IndustryPattern) => (a.colors.join(",") < b.colors.join(",") ? -1 : a.colors.join(",") > b.colors.join(",") ? 1 : 0);

export async function topPatterns(
  graph: GraphConnection | null,
  k: number,
  industry: string,
  sizes: readonly number[],
  limit: number,
): Promise<IndustryPattern[]> {
  const rows = await runGraphQuery<PatternRow>(graph, TOP_PATTERNS, { industry, sizes: sizes.map((s) => int(s)), k, limit: int(limit) });
  return rows.map(toPattern);
}

export async function patternTrends(
  graph: GraphConnection | null,
  k: number,
  industry: string,
  window: { from: string; to: string },
  sizes: readonly number[],
  limit: number,
): Promise<PatternTrend[]> {
  const rows = await runGraphQuery<PatternRow & { months: string[]; monthAssets: number[]; monthOrganizations: number[] }>(
    graph,
    PATTERNS_WITH_MONTHS,
    { industry, sizes: sizes.map((s) => int(s)), k, ...window },
  );
  const trends = rows.map((row) => {
    const points = row.months
      .map((month, i) => ({ month, approvedAssets: Number(row.monthAssets[i]), organizations: Number(row.monthOrganizations[i]) }))
      .filter((p) => p.month >= window.from && p.month <= window.to && p.organizations >= k);
    return { pattern: toPattern(row), points, approvedAssets: points.reduce((sum, p) => sum + p.approvedAssets, 0) };
  });
  return trends
    .filter((t) => t.points.length > 0)
    .sort((a, b) => b.approvedAssets - a.approvedAssets || byColors(a.pattern, b.pattern))
    .slice(0, limit);
}

/**
 * A palette against its industry's pairs and triads: those it holds whole, and the nearest of the
 * rest, by the CIEDE2000 distance of each missing color to the palette's closest (a palette with
 * no colors is infinitely far, so every pattern counts each missing color as 100).
 */
export async function brandPatterns(
  graph: GraphConnection | null,
  k: number,
  industry: string,
  palette: readonly string[],
  limit: number,
): Promise<{ matched: IndustryPattern[]; nearest: PatternDistance[] }> {
  const patterns = await topPatterns(graph, k, industry, [2, 3], 10_000);
  const own = new Set(palette);
  const labs = palette.map(hexToLab);
  const nearestDistance = (hex: string) => (labs.length === 0 ? 100 : Math.min(...labs.map((lab: Lab) => deltaE00(lab, hexToLab(hex)))));
  const matched = patterns.filter((p) => p.colors.every((hex) => own.has(hex)));
  const nearest = patterns
    .filter((p) => !p.colors.every((hex) => own.has(hex)))
    .map((pattern) => {
      const missingColors = pattern.colors.filter((hex) => !own.has(hex));
      const distance = Math.round(missingColors.reduce((sum, hex) => sum + nearestDistance(hex), 0) * 1000) / 1000;
      return { pattern, missingColors, distance };
    })
    .sort((a, b) => a.distance - b.distance || b.pattern.approvedAssets - a.pattern.approvedAssets || byColors(a.pattern, b.pattern));
  // topPatterns already orders by approvedAssets desc, then the key (= colors).
  return { matched: matched.slice(0, limit), nearest: nearest.slice(0, limit) };
}

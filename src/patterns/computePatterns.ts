// Learns the industry patterns from Postgres, the source of truth, in one statement: every reviewed
// asset (one with feedback) of a brand with an industry, its colors taken one, two and three at a
// time, grouped per industry and color set. An asset counts as approved when it has `approve`
// feedback (as Color.pairings counts it), at the month of its first approval. Industries are
// independent of one another, so a refresh learns only the ones whose inputs changed
// (industryDigests.ts); all of them is a full recomputation.
//
// Privacy by construction: a color set observed in fewer than k distinct organizations' approved
// assets never leaves this statement, and neither does a month of a trend with fewer than k; what
// does leave holds counts and hexes, never an id. So the graph, and every query reading it, only
// ever holds what k organizations together produced.
import type { RawSql } from "../postgres/rawSql.ts";

export interface LearnedPattern {
  readonly industry: string;
  /** Ascending; one color (an industry's color), a pair or a triad. */
  readonly hexes: string[];
  /** Approved assets using every color of the set, their distinct brands and organizations. */
  readonly assets: number;
  readonly brands: number;
  readonly organizations: number;
  /** Assets with any feedback using the set; approved / reviewed is the approval rate. */
  readonly reviewed: number;
  readonly approvalRate: number;
  /** Over the approved assets with a score; null when none has one. */
  readonly avgCompliance: number | null;
  /** 'YYYY-MM' ascending, with the approved assets and organizations of that month; only months with ≥ k organizations. */
  readonly months: { month: string; assets: number; organizations: number }[];
}

export interface PatternLimits {
  readonly minOrganizations: number;
  readonly limitPerIndustry: number;
}

/** `db` must be a transaction: JIT is switched off for the rest of it. */
export async function computePatterns(db: RawSql, { minOrganizations, limitPerIndustry }: PatternLimits, industries: readonly string[]): Promise<LearnedPattern[]> {
  if (industries.length === 0) return [];
  // The planner's cost estimate for this statement switches JIT on, and compiling it took longer
  // (1.7 s) than any part of the statement it would speed up.
  await db.$executeRaw`/* patternsWithoutJit */ SET LOCAL jit = off`;
  const rows = await db.$queryRaw<{
    industry: string;
    hexes: string[];
    assets: number;
    brands: number;
    organizations: number;
    reviewed: number;
    avg_compliance: number | null;
    months: { month: string; assets: number; organizations: number }[] | null;
  }[]>`/* computePatterns */
     WITH reviewed AS (
       SELECT a.id AS asset_id, a.brand_id, b.organization_id, b.industry, a.compliance_score,
              min(f.created_at) FILTER (WHERE f.action = 'approve') AS approved_at
         FROM brands b
         JOIN assets a ON a.brand_id = b.id
         JOIN feedback f ON f.asset_id = a.id
        WHERE b.industry = ANY(${[...industries]}::text[])
        GROUP BY a.id, b.id
     ),
     sets AS (
       SELECT r.*, ARRAY[c1.hex] AS hexes
         FROM reviewed r JOIN asset_colors c1 ON c1.asset_id = r.asset_id
       UNION ALL
       SELECT r.*, ARRAY[c1.hex, c2.hex]
         FROM reviewed r JOIN asset_colors c1 ON c1.asset_id = r.asset_id
         JOIN asset_colors c2 ON c2.asset_id = r.asset_id AND c2.hex > c1.hex
       UNION ALL
       SELECT r.*, ARRAY[c1.hex, c2.hex, c3.hex]
         FROM reviewed r JOIN asset_colors c1 ON c1.asset_id = r.asset_id
         JOIN asset_colors c2 ON c2.asset_id = r.asset_id AND c2.hex > c1.hex
         JOIN asset_colors c3 ON c3.asset_id = r.asset_id AND c3.hex > c2.hex
     ),
     stats AS (
       SELECT industry, hexes,
              count(*) FILTER (WHERE approved_at IS NOT NULL)::int AS assets,
              count(DISTINCT brand_id) FILTER (WHERE approved_at IS NOT NULL)::int AS brands,
              count(DISTINCT organization_id) FILTER (WHERE approved_at IS NOT NULL)::int AS organizations,
              count(*)::int AS reviewed,
              avg(compliance_score) FILTER (WHERE approved_at IS NOT NULL) AS avg_compliance
         FROM sets GROUP BY industry, hexes
     ),
     kept AS (
       SELECT * FROM (
         SELECT stats.*, row_number() OVER (PARTITION BY industry, cardinality(hexes) ORDER BY assets DESC, hexes) AS rank
           FROM stats WHERE organizations >= ${minOrganizations}::int
       ) ranked WHERE rank <= ${limitPerIndustry}::int
     ),
     monthly AS (
       SELECT s.industry, s.hexes, to_char(s.approved_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
              count(*)::int AS assets, count(DISTINCT s.organization_id)::int AS organizations
         FROM sets s JOIN kept k ON k.industry = s.industry AND k.hexes = s.hexes
        WHERE s.approved_at IS NOT NULL
        GROUP BY 1, 2, 3
       HAVING count(DISTINCT s.organization_id) >= ${minOrganizations}::int
     ),
     -- Grouped once and joined, not a subquery per kept set: that rescans the months per pattern.
     months AS (
       SELECT industry, hexes,
              json_agg(json_build_object('month', month, 'assets', assets, 'organizations', organizations) ORDER BY month) AS months
         FROM monthly GROUP BY industry, hexes
     )
     SELECT k.industry, k.hexes, k.assets, k.brands, k.organizations, k.reviewed, k.avg_compliance, m.months
       FROM kept k LEFT JOIN months m ON m.industry = k.industry AND m.hexes = k.hexes
      ORDER BY k.industry, cardinality(k.hexes), k.rank`;
  return rows.map((row) => ({
    industry: row.industry,
    hexes: row.hexes,
    assets: row.assets,
    brands: row.brands,
    organizations: row.organizations,
    reviewed: row.reviewed,
    approvalRate: row.assets / row.reviewed,
    avgCompliance: row.avg_compliance === null ? null : Number(row.avg_compliance),
    months: (typeof row.months === "string" ? JSON.parse(row.months) : row.months) ?? [],
  }));
}

/** A pattern's key in the graph: its industry and colors, so a recomputation MERGEs onto the same node. */
export const patternId = (industry: string, hexes: readonly string[]) => `${industry}|${hexes.join(",")}`;

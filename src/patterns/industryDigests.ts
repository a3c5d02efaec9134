// What each industry's patterns are learned from, reduced to one digest per industry: a refresh
// recomputes only the industries whose digest moved. Every input of computePatterns is in it (each
// reviewed asset's brand, organization, score, first approval and colors), so any change that could
// move a pattern moves the digest, whatever wrote it: a feedback, an asset's colors, a deletion, a
// brand changing industry (both industries move). A sum of 64-bit row hashes does not depend on row
// order; the row count beside it makes a collision between two real states vanishingly unlikely,
// and the next change in that industry would correct even that.
import type { RawSql } from "../postgres/rawSql.ts";

/** Industry code → digest; industries without any reviewed asset with colors are absent. */
export type IndustryDigests = ReadonlyMap<string, string>;

export async function readIndustryDigests(db: RawSql): Promise<IndustryDigests> {
  const rows = await db.$queryRaw<{ industry: string; digest: string }[]>`/* industryDigests */
    SELECT b.industry,
           count(*) || ':' || sum(hashtextextended(concat_ws('|', a.id, b.id, b.organization_id, a.compliance_score, r.approved_at, c.hex), 0)::numeric) AS digest
      FROM (SELECT asset_id, min(created_at) FILTER (WHERE action = 'approve') AS approved_at FROM feedback GROUP BY asset_id) r
      JOIN assets a ON a.id = r.asset_id
      JOIN brands b ON b.id = a.brand_id
      JOIN asset_colors c ON c.asset_id = a.id
     WHERE b.industry IS NOT NULL
     GROUP BY b.industry`;
  return new Map(rows.map((row) => [row.industry, row.digest]));
}

/** The industries whose inputs differ between two digests (one of them may lack an industry). */
export function changedIndustries(before: IndustryDigests, after: IndustryDigests): string[] {
  const codes = new Set([...before.keys(), ...after.keys()]);
  return [...codes].filter((code) => before.get(code) !== after.get(code)).sort();
}

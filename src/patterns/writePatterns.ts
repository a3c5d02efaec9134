// Brings the graph's patterns of the recomputed industries to a computation's: upserts (in batches)
// only the patterns that are new, whose numbers changed, or that miss a color link (a color the sync
// had not projected yet when the pattern was written), and deletes the ones no longer kept. Other
// industries' patterns are not touched. Readers see either a pattern's old or its new numbers,
// never a half-written node; until the delete a dropped pattern is still shown, which is still a
// k-anonymous one (it passed k when it was computed).
import { createHash } from "node:crypto";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { industryName } from "../domain/industries.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { lockColors } from "../projector/readColorState.ts";
import { patternId, type LearnedPattern } from "./computePatterns.ts";
import { patternCypher as cypher } from "./patternCypher.ts";

const BATCH = 1_000;

export interface PatternWrites {
  readonly upserted: number;
  readonly deleted: number;
}

/** `tx`: the refresh's transaction, which the color locks below last until. */
export async function writePatterns(
  graph: GraphConnection,
  tx: RawSql,
  industries: readonly string[],
  patterns: readonly LearnedPattern[],
): Promise<PatternWrites> {
  if (industries.length === 0) return { upserted: 0, deleted: 0 };
  const run = (text: string, params: Record<string, unknown>) => graph.driver.executeQuery(text, params, { database: graph.database });
  const { records } = await run(cypher.readPatternDigests, { industries });
  const held = new Map(records.map((r) => [r.get("id") as string, r.get("linked") ? (r.get("digest") as string | null) : null]));
  const rows = patterns.map(patternRow).filter((row) => held.get(row.pattern_id) !== row.digest);
  for (let start = 0; start < rows.length; start += BATCH) await run(cypher.upsertPatterns, { rows: rows.slice(start, start + BATCH) });

  const kept = new Set(patterns.map((p) => patternId(p.industry, p.hexes)));
  const dropped = [...held.keys()].filter((id) => !kept.has(id));
  if (dropped.length > 0) {
    const { records: deleted } = await run(cypher.deletePatterns, { ids: dropped });
    const hexes: string[] = deleted[0]?.get("hexes") ?? [];
    if (hexes.length > 0) {
      // Under the projector's color locks, so a projection linking one of these colors meanwhile
      // either finished first (the color is linked, not deleted) or starts after (and MERGEs it again).
      const sorted = [...new Set(hexes)].sort();
      await lockColors(tx, sorted);
      await run(cypher.deleteUnusedColors, { hexes: sorted });
    }
  }
  return { upserted: rows.length, deleted: dropped.length };
}

function patternRow(p: LearnedPattern) {
  const numbers = {
    assets: p.assets,
    brands: p.brands,
    organizations: p.organizations,
    reviewed: p.reviewed,
    approval_rate: p.approvalRate,
    avg_compliance: p.avgCompliance,
    months: p.months.map((m) => m.month),
    month_assets: p.months.map((m) => m.assets),
    month_organizations: p.months.map((m) => m.organizations),
  };
  return {
    pattern_id: patternId(p.industry, p.hexes),
    industry: p.industry,
    industry_name: industryName(p.industry),
    hexes: p.hexes,
    ...numbers,
    digest: createHash("sha256").update(JSON.stringify(numbers)).digest("base64url"),
  };
}

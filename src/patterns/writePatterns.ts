// Replaces the graph's learned patterns with a computation's, in batches, then drops what it no
// longer holds. Readers see either a pattern's old or its new numbers, never a half-written node;
// for the moment between the upserts and the delete a dropped pattern is still shown, which is
// still a k-anonymous one (it passed k when it was computed).
import type { GraphConnection } from "../graph/graphConnection.ts";
import { industryName } from "../domain/industries.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { lockColors } from "../projector/readColorState.ts";
import { patternId, type LearnedPattern } from "./computePatterns.ts";
import { patternCypher as cypher } from "./patternCypher.ts";

const BATCH = 1_000;

/** `tx`: the refresh's transaction, which the color locks below last until. */
export async function writePatterns(graph: GraphConnection, tx: RawSql, patterns: readonly LearnedPattern[], generation: string): Promise<void> {
  const run = (text: string, params: Record<string, unknown>) => graph.driver.executeQuery(text, params, { database: graph.database });
  for (let start = 0; start < patterns.length; start += BATCH) {
    const rows = patterns.slice(start, start + BATCH).map((p) => ({
      pattern_id: patternId(p.industry, p.hexes),
      industry: p.industry,
      industry_name: industryName(p.industry),
      hexes: p.hexes,
      assets: p.assets,
      brands: p.brands,
      organizations: p.organizations,
      reviewed: p.reviewed,
      approval_rate: p.approvalRate,
      avg_compliance: p.avgCompliance,
      months: p.months.map((m) => m.month),
      month_assets: p.months.map((m) => m.assets),
      month_organizations: p.months.map((m) => m.organizations),
    }));
    await run(cypher.upsertPatterns, { rows, generation });
  }
  const { records } = await run(cypher.deleteStalePatterns, { generation });
  const orphans: string[] = (records[0]?.get("hexes") ?? []).filter((hex: string) => !patterns.some((p) => p.hexes.includes(hex)));
  if (orphans.length === 0) return;
  // Under the projector's color locks, so a projection linking one of these colors meanwhile either
  // finished first (the color is linked, not deleted) or starts after (and MERGEs it again).
  const sorted = [...new Set(orphans)].sort();
  await lockColors(tx, sorted);
  await run(cypher.deleteUnusedColors, { hexes: sorted });
}

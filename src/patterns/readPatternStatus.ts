// How fresh the graph's patterns are: when they were computed, and how long the oldest change they
// do not reflect yet has waited (0 when none). The same number is the staleness gauge.
import type { PatternSettings } from "../config/config.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { PatternRefresher } from "./patternRefresher.ts";

export interface PatternStatus {
  readonly computedAt: Date | null;
  readonly stalenessSeconds: number;
  readonly refreshIntervalSeconds: number;
  readonly minOrganizations: number;
}

export async function readPatternStatus(sql: Sql, refresher: PatternRefresher, settings: PatternSettings): Promise<PatternStatus> {
  const record = await refresher.readRecord();
  const [oldest] = await sql.rows<{ created_at: Date }>(
    `/* oldestChangeAfterPatterns */ SELECT created_at FROM sync_events WHERE id > $1 ORDER BY id LIMIT 1`,
    [(record?.sourceEventId ?? 0n).toString()],
  );
  return {
    computedAt: record?.computedAt ?? null,
    stalenessSeconds: oldest ? Math.max(0, (Date.now() - new Date(oldest.created_at).getTime()) / 1000) : 0,
    refreshIntervalSeconds: settings.refreshIntervalMs / 1000,
    minOrganizations: settings.minOrganizations,
  };
}

// The statements that replace the graph's learned patterns, named and parameterised. A Pattern is
// MERGEd on its key, stamped with the refresh's generation, linked to its industry and to the Color
// nodes the sync already holds (never creating one: colors are the sync's); what a refresh did not
// stamp is deleted after it, so the graph holds exactly the last computation.
export const patternCypher = {
  upsertPatterns: `
    UNWIND $rows AS row
    MERGE (i:Industry {code: row.industry})
    ON CREATE SET i.name = row.industry_name
    MERGE (p:Pattern {pattern_id: row.pattern_id})
    SET p.industry = row.industry, p.hexes = row.hexes, p.size = size(row.hexes),
        p.assets = row.assets, p.brands = row.brands, p.organizations = row.organizations,
        p.reviewed_assets = row.reviewed, p.approval_rate = row.approval_rate, p.avg_compliance = row.avg_compliance,
        p.months = row.months, p.month_assets = row.month_assets, p.month_organizations = row.month_organizations,
        p.generation = $generation
    MERGE (p)-[:IN_INDUSTRY]->(i)
    WITH p, row
    CALL (p, row) {
      MATCH (p)-[old:HAS_COLOR]->(c:Color) WHERE NOT c.hex IN row.hexes
      DELETE old
    }
    CALL (p, row) {
      UNWIND row.hexes AS hex
      MATCH (c:Color {hex: hex})
      MERGE (p)-[:HAS_COLOR]->(c)
    }`,

  /** The patterns the last refresh did not keep, and the hexes they linked (orphans to check). */
  deleteStalePatterns: `
    MATCH (p:Pattern) WHERE p.generation <> $generation
    WITH p, p.hexes AS hexes
    DETACH DELETE p
    WITH hexes UNWIND hexes AS hex
    RETURN collect(DISTINCT hex) AS hexes`,

  /** As the projector's deleteUnusedColors: a color only a dropped pattern kept goes with it. */
  deleteUnusedColors: `
    UNWIND $hexes AS hex
    MATCH (c:Color {hex: hex})
    WHERE NOT (c)--()
    DELETE c`,

  /** One node records what the graph's patterns were computed from, for staleness and skipping. */
  recordRefresh: `
    MERGE (s:PatternSet {key: 'patterns'})
    SET s.source_event_id = $sourceEventId, s.computed_at = datetime($computedAt), s.duration_ms = $durationMs,
        s.min_organizations = $minOrganizations, s.patterns = $patterns`,

  readRefresh: `
    MATCH (s:PatternSet {key: 'patterns'})
    RETURN s.source_event_id AS sourceEventId, s.computed_at.epochMillis AS computedAt, s.duration_ms AS durationMs,
           s.min_organizations AS minOrganizations, s.patterns AS patterns`,
} as const;

// The statements that maintain the graph's learned patterns, named and parameterised. A refresh
// rewrites only the industries it recomputed, and in them only the patterns whose numbers changed
// (each Pattern carries a digest of its numbers); a Pattern is MERGEd on its key, linked to its
// industry and to the Color nodes the sync already holds (never creating one: colors are the sync's).
export const patternCypher = {
  /** The recomputed industries' patterns as the graph holds them: key, digest, and whether every color is linked. */
  readPatternDigests: `
    MATCH (p:Pattern) WHERE p.industry IN $industries
    RETURN p.pattern_id AS id, p.digest AS digest, COUNT { (p)-[:HAS_COLOR]->(:Color) } = size(p.hexes) AS linked`,

  upsertPatterns: `
    UNWIND $rows AS row
    MERGE (i:Industry {code: row.industry})
    ON CREATE SET i.name = row.industry_name
    MERGE (p:Pattern {pattern_id: row.pattern_id})
    SET p.industry = row.industry, p.hexes = row.hexes, p.size = size(row.hexes),
        p.assets = row.assets, p.brands = row.brands, p.organizations = row.organizations,
        p.reviewed_assets = row.reviewed, p.approval_rate = row.approval_rate, p.avg_compliance = row.avg_compliance,
        p.months = row.months, p.month_assets = row.month_assets, p.month_organizations = row.month_organizations,
        p.digest = row.digest
    MERGE (p)-[:IN_INDUSTRY]->(i)
    WITH p, row
    CALL (p, row) {
      UNWIND row.hexes AS hex
      MATCH (c:Color {hex: hex})
      MERGE (p)-[:HAS_COLOR]->(c)
    }`,

  /** The patterns a recomputation no longer keeps, and the hexes they linked (orphans to check). */
  deletePatterns: `
    UNWIND $ids AS id
    MATCH (p:Pattern {pattern_id: id})
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

  countPatterns: `MATCH (p:Pattern) RETURN count(p) AS patterns`,

  /**
   * One node records what the graph's patterns were computed from: the newest outbox event, the
   * settings, and each industry's input digest (parallel lists), for skipping, staleness and
   * choosing the industries to recompute.
   */
  recordRefresh: `
    MERGE (s:PatternSet {key: 'patterns'})
    SET s.source_event_id = $sourceEventId, s.computed_at = datetime($computedAt), s.duration_ms = $durationMs,
        s.min_organizations = $minOrganizations, s.limit_per_industry = $limitPerIndustry, s.patterns = $patterns,
        s.industries = $industries, s.digests = $digests, s.recomputed_industries = $recomputedIndustries`,

  readRefresh: `
    MATCH (s:PatternSet {key: 'patterns'})
    RETURN s.source_event_id AS sourceEventId, s.computed_at.epochMillis AS computedAt, s.duration_ms AS durationMs,
           s.min_organizations AS minOrganizations, s.limit_per_industry AS limitPerIndustry, s.patterns AS patterns,
           s.industries AS industries, s.digests AS digests, s.recomputed_industries AS recomputedIndustries`,
} as const;

// The graph read back in the projector's own row shapes (readEntityState.ts), so backfill and
// reconcile compare Postgres and Neo4j row by row. Datetimes come back as epoch millis, or null
// when the property is not a datetime at all (drift); a child linked to other than exactly one
// parent returns every parent it has, so the comparison sees the difference.
export const graphStateCypher = {
  readBrands: `
    UNWIND $ids AS id
    MATCH (b:Brand {brand_id: id})
    CALL (b) {
      OPTIONAL MATCH (b)-[r:OWNS_COLOR]->(c:Color)
      WITH r, c ORDER BY c.hex
      RETURN collect(CASE WHEN c IS NULL THEN null
                     ELSE {hex: c.hex, name: r.name, usage: r.usage, usage_weight: r.usage_weight,
                           context: r.context} END) AS colors
    }
    CALL (b) {
      OPTIONAL MATCH (b)-[:IN_INDUSTRY]->(i:Industry)
      WITH i ORDER BY i.code
      RETURN collect(i.code) AS industries, collect(i.name) AS industry_names
    }
    RETURN b.brand_id AS brand_id, b.organization_id AS organization_id, b.name AS name,
           b.learning_active AS learning_active, b.feedback_count AS feedback_count,
           CASE WHEN valueType(b.created_at) STARTS WITH 'ZONED DATETIME' THEN b.created_at.epochMillis END AS created_at,
           CASE WHEN valueType(b.updated_at) STARTS WITH 'ZONED DATETIME' THEN b.updated_at.epochMillis END AS updated_at,
           colors, industries, industry_names`,

  readAssets: `
    UNWIND $ids AS id
    MATCH (a:Asset {asset_id: id})
    CALL (a) {
      OPTIONAL MATCH (a)-[u:USES_COLOR]->(c:Color)
      WITH u, c ORDER BY c.hex
      RETURN collect(CASE WHEN c IS NULL THEN null ELSE {hex: c.hex, coverage: u.coverage, source: u.source, on_palette: u.on_palette} END) AS colors
    }
    CALL (a) {
      OPTIONAL MATCH (b:Brand)-[:GENERATED_ASSET]->(a)
      WITH b ORDER BY b.brand_id
      RETURN collect(b.brand_id) AS brand_ids
    }
    RETURN a.asset_id AS asset_id, brand_ids, a.organization_id AS organization_id, a.prompt AS prompt,
           a.image_url AS image_url, a.compliance_score AS compliance_score, a.status AS status,
           CASE WHEN valueType(a.created_at) STARTS WITH 'ZONED DATETIME' THEN a.created_at.epochMillis END AS created_at,
           colors`,

  readFeedback: `
    UNWIND $ids AS id
    MATCH (a:Asset)-[r:RECEIVED_FEEDBACK {feedback_id: id}]->(x)
    RETURN r.feedback_id AS feedback_id, a.asset_id AS asset_id, a = x AS self_loop,
           r.action AS action, r.reason AS reason,
           CASE WHEN valueType(r.timestamp) STARTS WITH 'ZONED DATETIME' THEN r.timestamp.epochMillis END AS timestamp`,

  readTemplates: `
    UNWIND $ids AS id
    MATCH (t:Template {template_id: id})
    CALL (t) {
      OPTIONAL MATCH (b:Brand)-[:HAS_TEMPLATE]->(t)
      WITH b ORDER BY b.brand_id
      RETURN collect(b.brand_id) AS brand_ids
    }
    CALL (t) {
      OPTIONAL MATCH (t)-[:BASED_ON_ASSET]->(a:Asset)
      WITH a ORDER BY a.asset_id
      RETURN collect(a.asset_id) AS source_ids
    }
    RETURN t.template_id AS template_id, brand_ids, source_ids, t.organization_id AS organization_id,
           t.name AS name, t.description AS description,
           CASE WHEN valueType(t.created_at) STARTS WITH 'ZONED DATETIME' THEN t.created_at.epochMillis END AS created_at`,
} as const;

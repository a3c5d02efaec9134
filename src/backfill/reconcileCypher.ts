// Reconcile's own reads of the graph: keyset scans of each label's keys (to find nodes and
// relationships whose ids Postgres no longer has) and counts per label. Each scan seeks the key's
// uniqueness-constraint index after the last key, so a page costs the same at any depth. With an
// organization scope, only nodes reachable from that organization's brands are visited.
export const reconcileCypher = {
  scanBrandIds: `
    MATCH (b:Brand) WHERE b.brand_id > $after AND ($orgs IS NULL OR b.organization_id IN $orgs)
    RETURN b.brand_id AS id ORDER BY id LIMIT $limit`,

  scanAssetIds: `
    MATCH (a:Asset) WHERE a.asset_id > $after
      AND ($orgs IS NULL OR EXISTS { MATCH (b:Brand)-[:GENERATED_ASSET]->(a) WHERE b.organization_id IN $orgs })
    RETURN a.asset_id AS id ORDER BY id LIMIT $limit`,

  scanFeedbackIds: `
    MATCH (a)-[r:RECEIVED_FEEDBACK]->() WHERE r.feedback_id > $after
      AND ($orgs IS NULL OR EXISTS { MATCH (b:Brand)-[:GENERATED_ASSET]->(a) WHERE b.organization_id IN $orgs })
    RETURN r.feedback_id AS id ORDER BY id LIMIT $limit`,

  scanTemplateIds: `
    MATCH (t:Template) WHERE t.template_id > $after
      AND ($orgs IS NULL OR EXISTS { MATCH (b:Brand)-[:HAS_TEMPLATE]->(t) WHERE b.organization_id IN $orgs })
    RETURN t.template_id AS id ORDER BY id LIMIT $limit`,

  /** A Color's properties other than its hex: none in a graph equal to Postgres. */
  scanColors: `
    MATCH (c:Color) WHERE c.hex > $after
    RETURN c.hex AS hex, [key IN keys(c) WHERE key <> 'hex'] AS otherKeys ORDER BY hex LIMIT $limit`,

  countLabels: `
    CALL () {
      MATCH (b:Brand) WHERE $orgs IS NULL OR b.organization_id IN $orgs RETURN count(b) AS brand
    }
    CALL () {
      MATCH (a:Asset)
      WHERE $orgs IS NULL OR EXISTS { MATCH (b:Brand)-[:GENERATED_ASSET]->(a) WHERE b.organization_id IN $orgs }
      RETURN count(a) AS asset
    }
    CALL () {
      MATCH (a)-[r:RECEIVED_FEEDBACK]->()
      WHERE $orgs IS NULL OR EXISTS { MATCH (b:Brand)-[:GENERATED_ASSET]->(a) WHERE b.organization_id IN $orgs }
      RETURN count(r) AS feedback
    }
    CALL () {
      MATCH (t:Template)
      WHERE $orgs IS NULL OR EXISTS { MATCH (b:Brand)-[:HAS_TEMPLATE]->(t) WHERE b.organization_id IN $orgs }
      RETURN count(t) AS template
    }
    CALL () { MATCH (c:Color) WHERE $orgs IS NULL RETURN count(c) AS color }
    RETURN brand, asset, feedback, template, color`,
} as const;

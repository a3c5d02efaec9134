// Every statement the projector runs, named and parameterised, each batched with UNWIND. Upserts
// MERGE on the unique keys and then *replace* relationship sets (palette, asset colors, source
// asset), so running a statement twice, or after any earlier state, leaves exactly Postgres' state.
// Upserts RETURN the ids they wrote: a row missing from the result lacked its parent node in the
// graph and is retried later rather than written half-linked. The color pair counts Color.pairings
// reads are kept by two more statements around these (colorPairCounts.ts), the palette shapes
// similarBrands reads by three more (paletteShapes.ts).
//
// Each is sent with `CYPHER replan=skip`: Neo4j keeps the plan it first made, however far the graph's
// counts move since. By default it plans a statement again once the counts it was planned on have
// drifted, and under load planning one of these took 0.5–1 s on two busy cores, a stall of every live
// update behind it, several times a minute while the graph grew (docs/sync.md). Their plans do not
// depend on the counts: they find nodes by unique key and walk from nodes they hold, planned on an
// empty graph as on a large one (projectionPlans.int.test.ts), so a kept plan is never a worse one.
import { colorPairCypher, PAIRS_MARK } from "./colorPairCounts.ts";
import { paletteShapeCypher } from "./paletteShapes.ts";

/** The statements as written; projectionCypher is what is sent. */
export const projectionStatements = {
  ...colorPairCypher,
  ...paletteShapeCypher,

  /** Colors the refs link to now, so the color step can rename them or drop orphans. */
  readLinkedHexes: `
    CALL () {
      UNWIND $brandIds AS id
      MATCH (:Brand {brand_id: id})-[:OWNS_COLOR]->(c:Color) RETURN c.hex AS hex
      UNION
      UNWIND $deletedBrandIds AS id
      MATCH (:Brand {brand_id: id})-[:GENERATED_ASSET]->(:Asset)-[:USES_COLOR]->(c:Color) RETURN c.hex AS hex
      UNION
      UNWIND $assetIds AS id
      MATCH (:Asset {asset_id: id})-[:USES_COLOR]->(c:Color) RETURN c.hex AS hex
    }
    RETURN collect(DISTINCT hex) AS hexes`,

  /**
   * Mirrors Postgres' ON DELETE CASCADE, so a brand's assets and templates never outlive it here.
   * Counts the assets deleted unmarked: ones that appeared after their pairs were retracted
   * (colorPairCounts.ts).
   */
  deleteBrands: `
    UNWIND $ids AS id
    MATCH (b:Brand {brand_id: id})
    CALL (b) {
      MATCH (b)-[:GENERATED_ASSET|HAS_TEMPLATE]->(child)
      WITH child, child:Asset AND NOT child:${PAIRS_MARK} AS unretracted
      DETACH DELETE child
      RETURN count(CASE WHEN unretracted THEN 1 END) AS unretracted
    }
    DETACH DELETE b
    RETURN sum(unretracted) AS unretracted`,

  upsertBrands: `
    UNWIND $rows AS row
    MERGE (b:Brand {brand_id: row.brand_id})
    SET b.organization_id = row.organization_id,
        b.name = row.name,
        b.learning_active = row.learning_active,
        b.feedback_count = row.feedback_count,
        b.created_at = datetime(row.created_at),
        b.updated_at = datetime(row.updated_at)
    WITH b, row
    CALL (b, row) {
      MATCH (b)-[old:OWNS_COLOR]->(c:Color)
      WHERE NOT c.hex IN [color IN row.colors | color.hex]
      DELETE old
    }
    CALL (b, row) {
      UNWIND row.colors AS color
      MERGE (c:Color {hex: color.hex})
      MERGE (b)-[r:OWNS_COLOR]->(c)
      SET r.name = color.name, r.usage = color.usage, r.usage_weight = color.usage_weight, r.context = color.context
    }
    CALL (b, row) {
      MATCH (b)-[old:IN_INDUSTRY]->(i:Industry)
      WHERE row.industry IS NULL OR i.code <> row.industry
      DELETE old
    }
    CALL (b, row) {
      WITH b, row WHERE row.industry IS NOT NULL
      MERGE (i:Industry {code: row.industry})
      ON CREATE SET i.name = row.industry_name
      MERGE (b)-[:IN_INDUSTRY]->(i)
    }
    RETURN row.brand_id AS id`,

  deleteAssets: `
    UNWIND $ids AS id
    MATCH (a:Asset {asset_id: id})
    DETACH DELETE a`,

  upsertAssets: `
    UNWIND $rows AS row
    MATCH (b:Brand {brand_id: row.brand_id})
    MERGE (a:Asset {asset_id: row.asset_id})
    ON CREATE SET a:${PAIRS_MARK}
    SET a.organization_id = row.organization_id,
        a.prompt = row.prompt,
        a.image_url = row.image_url,
        a.compliance_score = row.compliance_score,
        a.status = row.status,
        a.created_at = datetime(row.created_at)
    MERGE (b)-[:GENERATED_ASSET]->(a)
    WITH a, b, row
    CALL (a, b, row) {
      MATCH (other:Brand)-[g:GENERATED_ASSET]->(a) WHERE other <> b
      DELETE g
    }
    CALL (a, row) {
      MATCH (a)-[old:USES_COLOR]->(c:Color)
      WHERE NOT c.hex IN [color IN row.colors | color.hex]
      DELETE old
    }
    CALL (a, row) {
      UNWIND row.colors AS color
      MERGE (c:Color {hex: color.hex})
      MERGE (a)-[u:USES_COLOR]->(c)
      SET u.coverage = color.coverage, u.source = color.source, u.on_palette = color.on_palette
    }
    RETURN row.asset_id AS id`,

  deleteFeedback: `
    UNWIND $ids AS id
    MATCH ()-[r:RECEIVED_FEEDBACK {feedback_id: id}]->()
    DELETE r`,

  /**
   * The seed plan's self-loop on the asset, keyed by feedback_id (a unique relationship property);
   * only on an asset whose pairs this projection retracted (colorPairCounts.ts).
   */
  upsertFeedback: `
    UNWIND $rows AS row
    MATCH (a:Asset:${PAIRS_MARK} {asset_id: row.asset_id})
    MERGE (a)-[r:RECEIVED_FEEDBACK {feedback_id: row.feedback_id}]->(a)
    SET r.action = row.action, r.reason = row.reason, r.timestamp = datetime(row.timestamp)
    RETURN row.feedback_id AS id`,

  deleteTemplates: `
    UNWIND $ids AS id
    MATCH (t:Template {template_id: id})
    DETACH DELETE t`,

  upsertTemplates: `
    UNWIND $rows AS row
    MATCH (b:Brand {brand_id: row.brand_id})
    OPTIONAL MATCH (source:Asset {asset_id: row.source_asset_id})
    WITH b, row, source
    WHERE row.source_asset_id IS NULL OR source IS NOT NULL
    MERGE (t:Template {template_id: row.template_id})
    SET t.organization_id = row.organization_id, t.name = row.name, t.description = row.description,
        t.created_at = datetime(row.created_at)
    MERGE (b)-[:HAS_TEMPLATE]->(t)
    WITH t, row, source
    CALL (t, source) {
      MATCH (t)-[old:BASED_ON_ASSET]->(x)
      WHERE source IS NULL OR x <> source
      DELETE old
    }
    CALL (t, source) {
      WITH t, source WHERE source IS NOT NULL
      MERGE (t)-[:BASED_ON_ASSET]->(source)
    }
    RETURN row.template_id AS id`,

  /**
   * A Color node is its hex and nothing else: a palette name belongs to the brand naming it (on its
   * OWNS_COLOR), so a name here (as graphs projected before names moved have) would be every
   * organization's. Writes only a node that differs: every pass touches its colors, and a write
   * locks a node many share.
   */
  settleColors: `
    UNWIND $hexes AS hex
    MATCH (c:Color {hex: hex})
    WHERE size(keys(c)) > 1
    SET c = {hex: hex}`,

  /**
   * Plain DELETE, never DETACH: if another projection links the color meanwhile, this fails and is
   * retried instead of silently cutting that relationship.
   */
  deleteUnusedColors: `
    UNWIND $hexes AS hex
    MATCH (c:Color {hex: hex})
    WHERE NOT (c)--()
    DELETE c`,
} as const;

type StatementName = keyof typeof projectionStatements;

export const projectionCypher = Object.fromEntries(
  Object.entries(projectionStatements).map(([name, text]) => [name, `CYPHER replan=skip${text}`]),
) as Record<StatementName, string>;

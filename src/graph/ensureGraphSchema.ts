// Uniqueness constraints on every key the sync MERGEs on: without them each MERGE scans its label.
// Every statement is IF NOT EXISTS, so start-up can run them every time, from any replica.
import type { Driver } from "neo4j-driver";

const STATEMENTS = {
  brandKey: "CREATE CONSTRAINT brand_id_unique IF NOT EXISTS FOR (b:Brand) REQUIRE b.brand_id IS UNIQUE",
  colorKey: "CREATE CONSTRAINT color_hex_unique IF NOT EXISTS FOR (c:Color) REQUIRE c.hex IS UNIQUE",
  assetKey: "CREATE CONSTRAINT asset_id_unique IF NOT EXISTS FOR (a:Asset) REQUIRE a.asset_id IS UNIQUE",
  templateKey:
    "CREATE CONSTRAINT template_id_unique IF NOT EXISTS FOR (t:Template) REQUIRE t.template_id IS UNIQUE",
  industryKey: "CREATE CONSTRAINT industry_code_unique IF NOT EXISTS FOR (i:Industry) REQUIRE i.code IS UNIQUE",
  paletteShapeKey:
    "CREATE CONSTRAINT palette_shape_key_unique IF NOT EXISTS FOR (s:PaletteShape) REQUIRE s.key IS UNIQUE",
  patternKey: "CREATE CONSTRAINT pattern_id_unique IF NOT EXISTS FOR (p:Pattern) REQUIRE p.pattern_id IS UNIQUE",
  patternIndustry: "CREATE INDEX pattern_industry IF NOT EXISTS FOR (p:Pattern) ON (p.industry)",
  brandOrganization: "CREATE INDEX brand_organization_id IF NOT EXISTS FOR (b:Brand) ON (b.organization_id)",
  // The generated API's tenant filter (schema/graph/) reads a tenant's assets and templates by these.
  assetOrganization: "CREATE INDEX asset_organization_id IF NOT EXISTS FOR (a:Asset) ON (a.organization_id)",
  templateOrganization: "CREATE INDEX template_organization_id IF NOT EXISTS FOR (t:Template) ON (t.organization_id)",
  feedbackKey:
    "CREATE CONSTRAINT received_feedback_id_unique IF NOT EXISTS FOR ()-[r:RECEIVED_FEEDBACK]-() REQUIRE r.feedback_id IS UNIQUE",
  feedbackAction:
    "CREATE INDEX received_feedback_action IF NOT EXISTS FOR ()-[r:RECEIVED_FEEDBACK]-() ON (r.action)",
} as const;

export async function ensureGraphSchema(driver: Driver, database: string): Promise<void> {
  for (const statement of Object.values(STATEMENTS)) {
    await driver.executeQuery(statement, {}, { database });
  }
}

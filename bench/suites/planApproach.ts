// The seed plan's backfill, for comparison: one session per entity and one session.run per entity
// and per color (sync_brand + _sync_color_relationship, sync_asset, sync_feedback, sync_template),
// with the plan's own Cypher. Rows are read with the projector's reads, page by page, so the
// difference measured is the write pattern alone.
import type { GraphConnection } from "../../src/graph/graphConnection.ts";
import type { PrismaClient } from "../../src/postgres/createPrisma.ts";
import { ENTITY_KINDS } from "../../src/backfill/backfillOptions.ts";
import { readPostgresIds } from "../../src/backfill/readPostgresIds.ts";
import { NANOS, PAIRS_WITH } from "../../src/projector/colorPairCounts.ts";
import { readEntityState, type EntityState } from "../../src/projector/readEntityState.ts";

const PLAN = {
  brand: `MERGE (b:Brand {brand_id: $brand_id})
    SET b.organization_id = $organization_id, b.name = $name, b.learning_active = $learning_active,
        b.feedback_count = $feedback_count, b.created_at = datetime($created_at), b.updated_at = datetime($updated_at)
    // The plan predates industries; written in the brand's own run so both backfills build one graph.
    WITH b WHERE $industry IS NOT NULL
    MERGE (i:Industry {code: $industry}) ON CREATE SET i.name = $industry_name
    MERGE (b)-[:IN_INDUSTRY]->(i)`,
  brandColor: `MATCH (b:Brand {brand_id: $brand_id})
    MERGE (c:Color {hex: $hex}) SET c.name = $name
    MERGE (b)-[r:OWNS_COLOR]->(c) SET r.usage = $usage, r.usage_weight = $usage_weight, r.context = $context`,
  asset: `MATCH (b:Brand {brand_id: $brand_id})
    MERGE (a:Asset {asset_id: $asset_id})
    SET a.prompt = $prompt, a.image_url = $image_url, a.compliance_score = $compliance_score,
        a.status = $status, a.created_at = datetime($created_at)
    MERGE (b)-[:GENERATED_ASSET]->(a)`,
  assetColor: `MATCH (a:Asset {asset_id: $asset_id})
    MERGE (c:Color {hex: $hex}) MERGE (a)-[u:USES_COLOR]->(c) SET u.coverage = $coverage`,
  feedback: `MATCH (a:Asset {asset_id: $asset_id})
    MERGE (a)-[r:RECEIVED_FEEDBACK {feedback_id: $feedback_id}]->(a)
    SET r.action = $action, r.reason = $reason, r.timestamp = datetime($timestamp)`,
  // The plan predates pair counts; an asset's first approval adds its pairs in that feedback's run,
  // so both backfills build one graph.
  firstApprovalPairs: `MATCH (a:Asset {asset_id: $asset_id})
    WHERE COUNT { (a)-[:RECEIVED_FEEDBACK {action: 'approve'}]->() } = 1
    MATCH (a)-[:USES_COLOR]->(c1:Color), (a)-[:USES_COLOR]->(c2:Color) WHERE c1.hex < c2.hex
    MERGE (c1)-[p:${PAIRS_WITH}]->(c2) ON CREATE SET p.count = 0, p.score_nanos = 0, p.scored = 0
    SET p.count = p.count + 1,
        p.score_nanos = p.score_nanos + coalesce(toInteger(round(a.compliance_score * ${NANOS})), 0),
        p.scored = p.scored + CASE WHEN a.compliance_score IS NULL THEN 0 ELSE 1 END`,
  template: `MATCH (b:Brand {brand_id: $brand_id})
    MERGE (t:Template {template_id: $template_id})
    SET t.name = $name, t.description = $description, t.created_at = datetime($created_at)
    MERGE (b)-[:HAS_TEMPLATE]->(t)`,
  templateSource: `MATCH (t:Template {template_id: $template_id}) MATCH (a:Asset {asset_id: $source_asset_id})
    MERGE (t)-[:BASED_ON_ASSET]->(a)`,
} as const;

export async function planBackfill(prisma: PrismaClient, graph: GraphConnection, organizationIds: readonly string[]): Promise<number> {
  let runs = 0;
  const inSession = async (work: (run: (q: string, p: Record<string, unknown>) => Promise<unknown>) => Promise<void>) => {
    const session = graph.driver.session({ database: graph.database });
    try {
      await work((q, p) => (runs++, session.run(q, p)));
    } finally {
      await session.close();
    }
  };
  for (const kind of ENTITY_KINDS) {
    let after = "";
    for (;;) {
      const ids = await readPostgresIds(prisma, kind, { after, limit: 500, organizationIds });
      if (ids.length === 0) break;
      after = ids.at(-1)!;
      await writeLikeThePlan(await readEntityState(prisma, ids.map((id) => ({ entity: kind, id }))), inSession);
    }
  }
  return runs;
}

async function writeLikeThePlan(
  state: EntityState,
  inSession: (work: (run: (q: string, p: Record<string, unknown>) => Promise<unknown>) => Promise<void>) => Promise<void>,
) {
  for (const { colors, ...brand } of state.brands.upsert) {
    await inSession(async (run) => {
      await run(PLAN.brand, brand);
      for (const c of colors) await run(PLAN.brandColor, { brand_id: brand.brand_id, ...c });
    });
  }
  for (const { colors, ...asset } of state.assets.upsert) {
    await inSession(async (run) => {
      await run(PLAN.asset, asset);
      for (const c of colors) await run(PLAN.assetColor, { asset_id: asset.asset_id, ...c });
    });
  }
  for (const feedback of state.feedback.upsert) {
    await inSession(async (run) => {
      await run(PLAN.feedback, { ...feedback });
      if (feedback.action === "approve") await run(PLAN.firstApprovalPairs, { asset_id: feedback.asset_id });
    });
  }
  for (const template of state.templates.upsert) {
    await inSession(async (run) => {
      await run(PLAN.template, { ...template });
      if (template.source_asset_id) await run(PLAN.templateSource, { ...template });
    });
  }
}

// The Neo4j half of a comparison: what the graph holds for a set of refs, in the same row shapes
// readEntityState returns for Postgres, so "does the graph equal Postgres" is a plain deep-equal.
// A ref with no node (or, for feedback, no relationship) is simply absent from the result.
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { EntityRef } from "../outbox/entityRef.ts";
import { graphStateCypher as cypher } from "./graphStateCypher.ts";
import type { AssetRow, BrandRow, FeedbackRow, TemplateRow } from "./readEntityState.ts";

export interface GraphState {
  readonly brands: BrandRow[];
  readonly assets: AssetRow[];
  readonly feedback: FeedbackRow[];
  readonly templates: TemplateRow[];
}

type Props = Record<string, any>;

/** A property that is not a datetime reads as null here, which no Postgres row equals. */
const iso = (millis: number | null) => (millis === null ? (null as unknown as string) : new Date(millis).toISOString());
/** Exactly one parent reads as its id; none or several read as a value no Postgres row has. */
const onlyParent = (ids: string[]) => (ids.length === 1 ? ids[0]! : `[${ids.join(",")}]`);

export async function readGraphState(graph: GraphConnection, refs: readonly EntityRef[]): Promise<GraphState> {
  const ids = (entity: EntityRef["entity"]) => refs.filter((r) => r.entity === entity).map((r) => r.id);
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: "READ" });
  const read = async (statement: string, list: string[]): Promise<Props[]> =>
    list.length === 0 ? [] : (await session.run(statement, { ids: list })).records.map((r) => r.toObject());
  try {
    const brands = await read(cypher.readBrands, ids("brand"));
    const assets = await read(cypher.readAssets, ids("asset"));
    const feedback = await read(cypher.readFeedback, ids("feedback"));
    const templates = await read(cypher.readTemplates, ids("template"));
    return {
      brands: brands.map((b) => ({
        brand_id: b.brand_id,
        organization_id: b.organization_id,
        name: b.name,
        // At most one industry; several read as a value no Postgres row has.
        industry: b.industries.length === 0 ? null : onlyParent(b.industries),
        industry_name: b.industry_names.length === 0 ? null : onlyParent(b.industry_names),
        learning_active: b.learning_active,
        feedback_count: b.feedback_count,
        created_at: iso(b.created_at),
        updated_at: iso(b.updated_at),
        colors: b.colors,
      })),
      assets: assets.map((a) => ({
        asset_id: a.asset_id,
        brand_id: onlyParent(a.brand_ids),
        organization_id: a.organization_id,
        prompt: a.prompt,
        image_url: a.image_url,
        compliance_score: a.compliance_score,
        status: a.status,
        created_at: iso(a.created_at),
        colors: a.colors,
      })),
      feedback: feedback.map((f) => ({
        feedback_id: f.feedback_id,
        // Feedback is the plan's self-loop on its asset; anything else is drift.
        asset_id: f.self_loop ? f.asset_id : `[${f.asset_id} → elsewhere]`,
        action: f.action,
        reason: f.reason,
        timestamp: iso(f.timestamp),
      })),
      templates: templates.map((t) => ({
        template_id: t.template_id,
        brand_id: onlyParent(t.brand_ids),
        organization_id: t.organization_id,
        name: t.name,
        description: t.description,
        created_at: iso(t.created_at),
        source_asset_id: t.source_ids.length === 0 ? null : onlyParent(t.source_ids),
      })),
    };
  } finally {
    await session.close();
  }
}

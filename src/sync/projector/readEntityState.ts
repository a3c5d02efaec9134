// The Postgres half of a projection: the current rows behind a set of refs, every kind in one
// statement. A ref without a row is a delete.
import type { RawSql } from "../../postgres/rawSql.ts";
import type { EntityRef } from "./entityRef.ts";

export interface BrandRow {
  brand_id: string;
  organization_id: string;
  name: string;
  learning_active: boolean;
  feedback_count: number;
  created_at: string;
  updated_at: string;
  colors: { hex: string; usage: string | null; usage_weight: number | null; context: string | null }[];
}
export interface AssetRow {
  asset_id: string;
  brand_id: string;
  prompt: string;
  image_url: string | null;
  compliance_score: number | null;
  status: string;
  created_at: string;
  colors: { hex: string; coverage: number | null }[];
}
export interface FeedbackRow {
  feedback_id: string;
  asset_id: string;
  action: string;
  reason: string | null;
  timestamp: string;
}
export interface TemplateRow {
  template_id: string;
  brand_id: string;
  name: string;
  description: string | null;
  created_at: string;
  source_asset_id: string | null;
}

/** Rows to upsert and ids to delete, per kind; organizations have no node. */
export interface EntityState {
  readonly brands: { upsert: BrandRow[]; delete: string[] };
  readonly assets: { upsert: AssetRow[]; delete: string[] };
  readonly feedback: { upsert: FeedbackRow[]; delete: string[] };
  readonly templates: { upsert: TemplateRow[]; delete: string[] };
}

const idsOf = (refs: readonly EntityRef[], entity: EntityRef["entity"]) => [
  ...new Set(refs.filter((r) => r.entity === entity).map((r) => r.id)),
];
const missing = (ids: string[], found: string[]) => {
  const present = new Set(found);
  return ids.filter((id) => !present.has(id));
};
/** Rows come back with Date objects; the graph gets ISO strings it turns into datetime(). */
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const jsonList = <T>(value: unknown): T[] => (typeof value === "string" ? JSON.parse(value) : (value as T[]) ?? []);

type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: Date | string };

export async function readEntityState(db: RawSql, refs: readonly EntityRef[]): Promise<EntityState> {
  const brandIds = idsOf(refs, "brand");
  const assetIds = idsOf(refs, "asset");
  const feedbackIds = idsOf(refs, "feedback");
  const templateIds = idsOf(refs, "template");
  // One statement for every kind, the child rows aggregated in: inside the drainer's transaction
  // each statement is a round trip on its one connection, and a pass reads several kinds at once.
  const [rows] = await db.$queryRaw<
    {
      brands: Dated<BrandRow, "created_at" | "updated_at">[] | null;
      assets: Dated<AssetRow, "created_at">[] | null;
      feedback: Dated<FeedbackRow, "timestamp">[] | null;
      templates: Dated<TemplateRow, "created_at">[] | null;
    }[]
  >`
    /* readEntityState */
    SELECT
      (SELECT json_agg(json_build_object(
                'brand_id', b.id, 'organization_id', b.organization_id, 'name', b.name,
                'learning_active', b.learning_active, 'feedback_count', b.feedback_count,
                'created_at', b.created_at, 'updated_at', b.updated_at,
                'colors', COALESCE((SELECT json_agg(json_build_object('hex', c.hex, 'usage', c.usage,
                                          'usage_weight', c.usage_weight, 'context', c.context) ORDER BY c.hex)
                                      FROM brand_colors c WHERE c.brand_id = b.id), '[]'::json)))
         FROM brands b WHERE b.id = ANY(${brandIds}::text[])) AS brands,
      (SELECT json_agg(json_build_object(
                'asset_id', a.id, 'brand_id', a.brand_id, 'prompt', a.prompt, 'image_url', a.image_url,
                'compliance_score', a.compliance_score, 'status', a.status, 'created_at', a.created_at,
                'colors', COALESCE((SELECT json_agg(json_build_object('hex', c.hex, 'coverage', c.coverage) ORDER BY c.hex)
                                      FROM asset_colors c WHERE c.asset_id = a.id), '[]'::json)))
         FROM assets a WHERE a.id = ANY(${assetIds}::text[])) AS assets,
      (SELECT json_agg(json_build_object(
                'feedback_id', f.id, 'asset_id', f.asset_id, 'action', f.action, 'reason', f.reason,
                'timestamp', f.created_at))
         FROM feedback f WHERE f.id = ANY(${feedbackIds}::text[])) AS feedback,
      (SELECT json_agg(json_build_object(
                'template_id', t.id, 'brand_id', t.brand_id, 'name', t.name, 'description', t.description,
                'created_at', t.created_at, 'source_asset_id', t.source_asset_id))
         FROM templates t WHERE t.id = ANY(${templateIds}::text[])) AS templates`;
  const brands = rows!.brands ?? [];
  const assets = rows!.assets ?? [];
  const feedback = rows!.feedback ?? [];
  const templates = rows!.templates ?? [];
  return {
    brands: {
      upsert: brands.map((b) => ({
        ...b,
        created_at: iso(b.created_at),
        updated_at: iso(b.updated_at),
        colors: jsonList<BrandRow["colors"][number]>(b.colors),
      })),
      delete: missing(brandIds, brands.map((b) => b.brand_id)),
    },
    assets: {
      upsert: assets.map((a) => ({ ...a, created_at: iso(a.created_at), colors: jsonList<AssetRow["colors"][number]>(a.colors) })),
      delete: missing(assetIds, assets.map((a) => a.asset_id)),
    },
    feedback: {
      upsert: feedback.map((f) => ({ ...f, timestamp: iso(f.timestamp) })),
      delete: missing(feedbackIds, feedback.map((f) => f.feedback_id)),
    },
    templates: {
      upsert: templates.map((t) => ({ ...t, created_at: iso(t.created_at) })),
      delete: missing(templateIds, templates.map((t) => t.template_id)),
    },
  };
}

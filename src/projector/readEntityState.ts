// The Postgres half of a projection: the current rows behind a set of refs, one query per entity
// kind. A ref without a row is a delete.
import type { RawSql } from "../postgres/rawSql.ts";
import type { EntityRef } from "../outbox/entityRef.ts";
import { industryName } from "../domain/industries.ts";

export interface BrandRow {
  brand_id: string;
  organization_id: string;
  name: string;
  /** A NAICS sector code: the brand's IN_INDUSTRY link, none while null. */
  industry: string | null;
  industry_name: string | null;
  learning_active: boolean;
  feedback_count: number;
  created_at: string;
  updated_at: string;
  /** `name` is the brand's own name for the color: palette names are tenant data, kept on OWNS_COLOR. */
  colors: { hex: string; name: string | null; usage: string | null; usage_weight: number | null; context: string | null }[];
}
/** Assets and templates carry their brand's organization, so the graph API filters them by a property. */
export interface AssetRow {
  asset_id: string;
  brand_id: string;
  organization_id: string;
  prompt: string;
  image_url: string | null;
  compliance_score: number | null;
  status: string;
  created_at: string;
  /** `source`: declared or extracted (docs/color-extraction.md); `on_palette` only for extracted colors. */
  colors: { hex: string; coverage: number | null; source: string; on_palette: boolean | null }[];
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
  organization_id: string;
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
  // Sequential on purpose: inside the drainer's transaction these share one connection. Raw SQL,
  // one statement per kind with the child rows aggregated in, keeps a pass to four round trips.
  const brands = brandIds.length
    ? await db.$queryRaw<Dated<Omit<BrandRow, "industry_name">, "created_at" | "updated_at">[]>`
        /* readBrandState */
        SELECT b.id AS brand_id, b.organization_id, b.name, b.industry, b.learning_active, b.feedback_count,
               b.created_at, b.updated_at,
               COALESCE((SELECT json_agg(json_build_object('hex', c.hex, 'name', c.name, 'usage', c.usage,
                                  'usage_weight', c.usage_weight, 'context', c.context) ORDER BY c.hex)
                           FROM brand_colors c WHERE c.brand_id = b.id), '[]'::json) AS colors
          FROM brands b WHERE b.id = ANY(${brandIds}::text[])`
    : [];
  const assets = assetIds.length
    ? await db.$queryRaw<Dated<AssetRow, "created_at">[]>`
        /* readAssetState */
        SELECT a.id AS asset_id, a.brand_id, b.organization_id, a.prompt, a.image_url, a.compliance_score,
               a.status, a.created_at,
               COALESCE((SELECT json_agg(json_build_object('hex', c.hex, 'coverage', c.coverage, 'source', c.source,
                                  'on_palette', c.on_palette) ORDER BY c.hex)
                           FROM asset_colors c WHERE c.asset_id = a.id), '[]'::json) AS colors
          FROM assets a JOIN brands b ON b.id = a.brand_id WHERE a.id = ANY(${assetIds}::text[])`
    : [];
  const feedback = feedbackIds.length
    ? await db.$queryRaw<Dated<FeedbackRow, "timestamp">[]>`
        /* readFeedbackState */
        SELECT id AS feedback_id, asset_id, action, reason, created_at AS timestamp
          FROM feedback WHERE id = ANY(${feedbackIds}::text[])`
    : [];
  const templates = templateIds.length
    ? await db.$queryRaw<Dated<TemplateRow, "created_at">[]>`
        /* readTemplateState */
        SELECT t.id AS template_id, t.brand_id, b.organization_id, t.name, t.description, t.created_at, t.source_asset_id
          FROM templates t JOIN brands b ON b.id = t.brand_id WHERE t.id = ANY(${templateIds}::text[])`
    : [];
  return {
    brands: {
      upsert: brands.map((b) => ({
        ...b,
        industry_name: b.industry === null ? null : industryName(b.industry),
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

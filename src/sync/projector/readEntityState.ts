// The Postgres half of a projection: the current rows behind a set of refs, one query per entity
// kind (Prisma adds one per included relation). A ref without a row is a delete.
import type { TransactionClient } from "../recordChanges.ts";
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
const missing = (ids: string[], rows: { id: string }[]) => {
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
};
const iso = (d: Date) => d.toISOString();

export async function readEntityState(db: TransactionClient, refs: readonly EntityRef[]): Promise<EntityState> {
  const brandIds = idsOf(refs, "brand");
  const assetIds = idsOf(refs, "asset");
  const feedbackIds = idsOf(refs, "feedback");
  const templateIds = idsOf(refs, "template");
  // Sequential on purpose: inside the drainer's transaction these share one connection.
  const brands = brandIds.length
    ? await db.brand.findMany({ where: { id: { in: brandIds } }, include: { colors: { orderBy: { hex: "asc" } } } })
    : [];
  const assets = assetIds.length
    ? await db.asset.findMany({ where: { id: { in: assetIds } }, include: { colors: { orderBy: { hex: "asc" } } } })
    : [];
  const feedback = feedbackIds.length ? await db.feedback.findMany({ where: { id: { in: feedbackIds } } }) : [];
  const templates = templateIds.length ? await db.template.findMany({ where: { id: { in: templateIds } } }) : [];
  return {
    brands: {
      upsert: brands.map((b) => ({
        brand_id: b.id,
        organization_id: b.organizationId,
        name: b.name,
        learning_active: b.learningActive,
        feedback_count: b.feedbackCount,
        created_at: iso(b.createdAt),
        updated_at: iso(b.updatedAt),
        colors: b.colors.map((c) => ({ hex: c.hex, usage: c.usage, usage_weight: c.usageWeight, context: c.context })),
      })),
      delete: missing(brandIds, brands),
    },
    assets: {
      upsert: assets.map((a) => ({
        asset_id: a.id,
        brand_id: a.brandId,
        prompt: a.prompt,
        image_url: a.imageUrl,
        compliance_score: a.complianceScore,
        status: a.status,
        created_at: iso(a.createdAt),
        colors: a.colors.map((c) => ({ hex: c.hex, coverage: c.coverage })),
      })),
      delete: missing(assetIds, assets),
    },
    feedback: {
      upsert: feedback.map((f) => ({
        feedback_id: f.id,
        asset_id: f.assetId,
        action: f.action,
        reason: f.reason,
        timestamp: iso(f.createdAt),
      })),
      delete: missing(feedbackIds, feedback),
    },
    templates: {
      upsert: templates.map((t) => ({
        template_id: t.id,
        brand_id: t.brandId,
        name: t.name,
        description: t.description,
        created_at: iso(t.createdAt),
        source_asset_id: t.sourceAssetId,
      })),
      delete: missing(templateIds, templates),
    },
  };
}

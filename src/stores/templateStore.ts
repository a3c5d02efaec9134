// Every statement on templates. A template may be based on one of its own brand's assets only:
// basing it on another brand's asset would tie two brands' guidelines together.
import type { Template } from "../generated/prisma/client.ts";
import { badInput } from "../errors/codes.ts";
import type { Page } from "../domain/pagination.ts";
import type { TemplateDraft, TemplatePatch } from "../domain/templateInput.ts";
import { brandStore } from "./brandStore.ts";
import { pagesOfParents } from "./childPages.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { Db } from "./inTransaction.ts";
import { keyset } from "./keyset.ts";
import { requireFound } from "./requireFound.ts";
import { underBrandsIn, type OrganizationScope } from "./scope.ts";

/** Prisma's Template, column by column. */
const TEMPLATE_COLUMNS = `id, brand_id AS "brandId", name, description, source_asset_id AS "sourceAssetId",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export const templateStore = {
  findById: (db: Db, id: string, scope: OrganizationScope = null) => db.template.findFirst({ where: { id, ...underBrandsIn(scope) } }),

  listPage: (db: Db, filter: { brandId?: string | null }, page: Page, scope: OrganizationScope = null) =>
    db.template.findMany(keyset(filter, page, underBrandsIn(scope))),

  /** The same page of each brand's templates (childPages.ts). */
  pagesOfBrands: (sql: Sql, brandIds: readonly string[], page: Page) =>
    pagesOfParents<Template>(sql, { statement: "templatePagesOfBrands", table: "templates", parentColumn: "brand_id", columns: TEMPLATE_COLUMNS }, brandIds, page),

  async create(tx: Db, draft: TemplateDraft, scope: OrganizationScope = null): Promise<Template> {
    await brandStore.requireExists(tx, draft.brandId, "input.brandId", scope);
    await requireOwnAsset(tx, draft.brandId, draft.sourceAssetId, scope);
    return tx.template.create({ data: draft });
  },

  async update(tx: Db, id: string, patch: TemplatePatch, scope: OrganizationScope = null): Promise<Template> {
    const existing = requireFound(await templateStore.findById(tx, id, scope), "Template", id, "id");
    await requireOwnAsset(tx, existing.brandId, patch.sourceAssetId, scope);
    return tx.template.update({ where: { id }, data: patch });
  },

  async remove(tx: Db, id: string, scope: OrganizationScope = null): Promise<boolean> {
    requireFound(await templateStore.findById(tx, id, scope), "Template", id, "id");
    await tx.template.delete({ where: { id } });
    return true;
  },
};

/** Another organization's asset is NOT_FOUND, never "another brand's": that would confirm it exists. */
async function requireOwnAsset(tx: Db, brandId: string, assetId: string | null | undefined, scope: OrganizationScope) {
  if (!assetId) return;
  const asset = await tx.asset.findFirst({ where: { id: assetId, ...underBrandsIn(scope) }, select: { brandId: true } });
  const field = "input.sourceAssetId";
  if (requireFound(asset, "Asset", assetId, field).brandId !== brandId) {
    throw badInput(field, `asset ${assetId} belongs to another brand; a template can only be based on its own brand's asset`);
  }
}

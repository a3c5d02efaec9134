// Every statement on templates. A template may be based on one of its own brand's assets only:
// basing it on another brand's asset would tie two brands' guidelines together.
import type { Template } from "../generated/prisma/client.ts";
import { badInput } from "../errors/codes.ts";
import type { Page } from "../domain/pagination.ts";
import type { TemplateDraft, TemplatePatch } from "../domain/templateInput.ts";
import { assetStore } from "./assetStore.ts";
import { brandStore } from "./brandStore.ts";
import { pagesOfParents } from "./childPages.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import type { Db } from "./inTransaction.ts";
import { given } from "./given.ts";
import { keyset } from "./keyset.ts";
import { newId } from "./newId.ts";
import { requireDeleted, requireFound } from "./requireFound.ts";
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

  async create(tx: RawSql, draft: TemplateDraft, scope: OrganizationScope = null): Promise<Template> {
    await brandStore.requireExists(tx, draft.brandId, "input.brandId", scope);
    await requireOwnAsset(tx, draft.brandId, draft.sourceAssetId, scope);
    const [template] = await tx.$queryRaw<[Template]>`
      /* createTemplate */
      INSERT INTO templates (id, brand_id, name, description, source_asset_id)
      VALUES (${newId()}::text, ${draft.brandId}::text, ${draft.name}::text, ${draft.description}::text, ${draft.sourceAssetId}::text)
      RETURNING id, brand_id AS "brandId", name, description, source_asset_id AS "sourceAssetId", created_at AS "createdAt", updated_at AS "updatedAt"`;
    return template;
  },

  async update(tx: RawSql, id: string, patch: TemplatePatch, scope: OrganizationScope = null): Promise<Template> {
    const [existing] = await tx.$queryRaw<{ brandId: string }[]>`
      /* templateInScope */
      SELECT t.brand_id AS "brandId" FROM templates t JOIN brands b ON b.id = t.brand_id
       WHERE t.id = ${id}::text AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)`;
    await requireOwnAsset(tx, requireFound(existing ?? null, "Template", id, "id").brandId, patch.sourceAssetId, scope);
    const [row] = await tx.$queryRaw<Template[]>`
      /* updateTemplate */
      UPDATE templates
         SET name = CASE WHEN ${given(patch.name)}::boolean THEN ${patch.name ?? null}::text ELSE name END,
             description = CASE WHEN ${given(patch.description)}::boolean THEN ${patch.description ?? null}::text ELSE description END,
             source_asset_id = CASE WHEN ${given(patch.sourceAssetId)}::boolean THEN ${patch.sourceAssetId ?? null}::text ELSE source_asset_id END,
             updated_at = now()
       WHERE id = ${id}::text
      RETURNING id, brand_id AS "brandId", name, description, source_asset_id AS "sourceAssetId", created_at AS "createdAt", updated_at AS "updatedAt"`;
    return requireFound(row ?? null, "Template", id, "id");
  },

  async remove(tx: RawSql, id: string, scope: OrganizationScope = null): Promise<boolean> {
    const deleted = await tx.$executeRaw`
      /* deleteTemplate */
      DELETE FROM templates t USING brands b
       WHERE t.id = ${id}::text AND b.id = t.brand_id AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)`;
    requireDeleted(deleted, "Template", id);
    return true;
  },
};

/** Another organization's asset is NOT_FOUND, never "another brand's": that would confirm it exists. */
async function requireOwnAsset(tx: RawSql, brandId: string, assetId: string | null | undefined, scope: OrganizationScope) {
  if (!assetId) return;
  const field = "input.sourceAssetId";
  if ((await assetStore.requireBrandOf(tx, assetId, field, scope)) !== brandId) {
    throw badInput(field, `asset ${assetId} belongs to another brand; a template can only be based on its own brand's asset`);
  }
}

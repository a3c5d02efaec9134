// Every statement on brands and their guideline palettes. A palette is replaced as a whole
// (delete + insert in the mutation's transaction), which is what "colors given on update replace
// the palette" means and keeps the (brand_id, hex) key free of half-updated states.
import type { Brand } from "../generated/prisma/client.ts";
import type { BrandDraft, BrandPatch } from "../domain/brandInput.ts";
import type { BrandColorDraft } from "../domain/palette.ts";
import type { Page } from "../domain/pagination.ts";
import { pendingDeleteIds, pendingDeletesOf, type PendingDeletes } from "../outbox/pendingDeletes.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import type { Db } from "./inTransaction.ts";
import { given } from "./given.ts";
import { keyset } from "./keyset.ts";
import { pagesOfParents } from "./childPages.ts";
import { lockBrand } from "./lockForDelete.ts";
import { newId } from "./newId.ts";
import { requireDeleted, requireFound } from "./requireFound.ts";
import { brandsIn, type OrganizationScope } from "./scope.ts";

/** Prisma's Brand, column by column: rowsByIds must answer exactly what findByIds does. */
const BRAND_COLUMNS = `id, organization_id AS "organizationId", name, industry, learning_active AS "learningActive",
  feedback_count AS "feedbackCount", created_at AS "createdAt", updated_at AS "updatedAt"`;

export const brandStore = {
  findByIds: (db: Db, ids: readonly string[], scope: OrganizationScope = null) =>
    db.brand.findMany({ where: { id: { in: [...ids] }, ...brandsIn(scope) } }),

  /**
   * findByIds as plain SQL: every brand(id) and every graph answer naming brands (similarBrands,
   * Color.brands) looks brands up by id, where Prisma's cost per statement would be most of the time.
   */
  rowsByIds: (sql: Sql, ids: readonly string[], scope: OrganizationScope = null) =>
    sql.rows<Brand>(
      `SELECT ${BRAND_COLUMNS} FROM brands WHERE id = ANY($1::text[])${scope === null ? "" : " AND organization_id = $2"}`,
      scope === null ? [ids] : [ids, scope],
    ),

  /**
   * One brand's row (null when missing) and, in the same statement, the pending brand deletes: what
   * brand(id) reads beside its similar brands' graph statement (keepBrandsInPostgres.ts). `requestStarted`
   * as pendingDeletesOf takes it.
   */
  async rowWithPendingDeletes(sql: Sql, id: string, requestStarted: number): Promise<{ brand: Brand | null; pendingDeletes: PendingDeletes }> {
    const [row] = await sql.rows<Brand & { pendingDeleteIds: string[] }>(
      `SELECT ${BRAND_COLUMNS}, pending.ids AS "pendingDeleteIds"
         FROM (SELECT ${pendingDeleteIds("'brand'")} AS ids) pending LEFT JOIN brands ON brands.id = $1`,
      [id],
    );
    const { pendingDeleteIds: ids, ...brand } = row!;
    return { brand: brand.id === null ? null : brand, pendingDeletes: pendingDeletesOf(ids, requestStarted) };
  },

  listPage: (db: Db, filter: { organizationId?: string | null }, page: Page, scope: OrganizationScope = null) =>
    db.brand.findMany(keyset(filter, page, brandsIn(scope))),

  /** The same page of each organization's brands (childPages.ts). */
  pagesOfOrganizations: (sql: Sql, organizationIds: readonly string[], page: Page) =>
    pagesOfParents<Brand>(sql, { statement: "brandPagesOfOrganizations", table: "brands", parentColumn: "organization_id", columns: BRAND_COLUMNS }, organizationIds, page),

  /** Heaviest first; unweighted colors last, ties by hex so the order is stable. */
  colorsOfBrands: (db: Db, brandIds: readonly string[]) =>
    db.brandColor.findMany({
      where: { brandId: { in: [...brandIds] } },
      orderBy: [{ usageWeight: { sort: "desc", nulls: "last" } }, { hex: "asc" }],
    }),

  /** NOT_FOUND naming `field` unless the brand exists within the scope; the lookup a write under a brand starts with. */
  async requireExists(tx: RawSql, id: string, field: string, scope: OrganizationScope = null): Promise<void> {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      /* brandInScope */ SELECT id FROM brands WHERE id = ${id}::text AND (${scope}::text IS NULL OR organization_id = ${scope}::text)`;
    requireFound(row ?? null, "Brand", id, field);
  },

  /** The brand is inserted by the statement that finds its organization within the scope. */
  async create(tx: RawSql, draft: BrandDraft, scope: OrganizationScope = null): Promise<Brand> {
    const [row] = await tx.$queryRaw<Brand[]>`
      /* createBrand */
      INSERT INTO brands (id, organization_id, name, industry, learning_active)
      SELECT ${newId()}::text, o.id, ${draft.name}::text, ${draft.industry ?? null}::text, ${draft.learningActive}::boolean
        FROM organizations o
       WHERE o.id = ${draft.organizationId}::text AND (${scope}::text IS NULL OR o.id = ${scope}::text)
      RETURNING id, organization_id AS "organizationId", name, industry, learning_active AS "learningActive",
                feedback_count AS "feedbackCount", created_at AS "createdAt", updated_at AS "updatedAt"`;
    const brand = requireFound(row ?? null, "Organization", draft.organizationId, "input.organizationId");
    await insertPalette(tx, brand.id, draft.colors);
    return brand;
  },

  /**
   * The row is updated first, in the statement that checks the scope: its lock makes concurrent
   * updates of one brand take turns, so two palette replacements never interleave (and updatedAt
   * changes even for a palette-only update).
   */
  async update(tx: RawSql, id: string, patch: BrandPatch, scope: OrganizationScope = null): Promise<Brand> {
    const { colors, ...fields } = patch;
    const [row] = await tx.$queryRaw<Brand[]>`
      /* updateBrand */
      UPDATE brands
         SET name = CASE WHEN ${given(fields.name)}::boolean THEN ${fields.name ?? null}::text ELSE name END,
             industry = CASE WHEN ${given(fields.industry)}::boolean THEN ${fields.industry ?? null}::text ELSE industry END,
             learning_active = CASE WHEN ${given(fields.learningActive)}::boolean THEN ${fields.learningActive ?? null}::boolean ELSE learning_active END,
             updated_at = now()
       WHERE id = ${id}::text AND (${scope}::text IS NULL OR organization_id = ${scope}::text)
      RETURNING id, organization_id AS "organizationId", name, industry, learning_active AS "learningActive",
                feedback_count AS "feedbackCount", created_at AS "createdAt", updated_at AS "updatedAt"`;
    const brand = requireFound(row ?? null, "Brand", id, "id");
    if (colors) {
      await tx.$executeRaw`/* deleteBrandColors */ DELETE FROM brand_colors WHERE brand_id = ${id}::text`;
      await insertPalette(tx, id, colors);
    }
    return brand;
  },

  async remove(tx: RawSql, id: string, scope: OrganizationScope = null): Promise<boolean> {
    await brandStore.requireExists(tx, id, "id", scope);
    await lockBrand(tx, id);
    const deleted = await tx.$executeRaw`/* deleteBrand */ DELETE FROM brands WHERE id = ${id}::text`;
    requireDeleted(deleted, "Brand", id);
    return true;
  },
};

async function insertPalette(tx: RawSql, brandId: string, colors: readonly BrandColorDraft[]) {
  if (colors.length === 0) return;
  await tx.$executeRaw`
    /* insertBrandColors */
    INSERT INTO brand_colors (brand_id, hex, name, usage, usage_weight, context)
    SELECT ${brandId}::text, * FROM unnest(${colors.map((c) => c.hex)}::text[], ${colors.map((c) => c.name ?? null)}::text[],
                                         ${colors.map((c) => c.usage ?? null)}::text[], ${colors.map((c) => c.usageWeight ?? null)}::float8[],
                                         ${colors.map((c) => c.context ?? null)}::text[])`;
}

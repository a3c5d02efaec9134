// Every statement on brands and their guideline palettes. A palette is replaced as a whole
// (delete + insert in the mutation's transaction), which is what "colors given on update replace
// the palette" means and keeps the (brand_id, hex) key free of half-updated states.
import type { Brand } from "../generated/prisma/client.ts";
import type { BrandDraft, BrandPatch } from "../domain/brandInput.ts";
import type { BrandColorDraft } from "../domain/palette.ts";
import type { Page } from "../domain/pagination.ts";
import { pendingDeleteIds, pendingDeletesOf, type PendingDeletes } from "../outbox/pendingDeletes.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { Db } from "./inTransaction.ts";
import { keyset } from "./keyset.ts";
import { pagesOfParents } from "./childPages.ts";
import { lockBrand } from "./lockForDelete.ts";
import { requireFound } from "./requireFound.ts";
import { brandsIn, organizationsIn, type OrganizationScope } from "./scope.ts";

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
  async requireExists(db: Db, id: string, field: string, scope: OrganizationScope = null): Promise<void> {
    requireFound(await db.brand.findFirst({ where: { id, ...brandsIn(scope) }, select: { id: true } }), "Brand", id, field);
  },

  async create(tx: Db, draft: BrandDraft, scope: OrganizationScope = null): Promise<Brand> {
    const where = { AND: [{ id: draft.organizationId }, organizationsIn(scope)] };
    const organization = await tx.organization.findFirst({ where, select: { id: true } });
    requireFound(organization, "Organization", draft.organizationId, "input.organizationId");
    return tx.brand.create({
      data: {
        organizationId: draft.organizationId,
        name: draft.name,
        industry: draft.industry,
        learningActive: draft.learningActive,
        colors: { createMany: { data: [...draft.colors] } },
      },
    });
  },

  async update(tx: Db, id: string, patch: BrandPatch, scope: OrganizationScope = null): Promise<Brand> {
    await brandStore.requireExists(tx, id, "id", scope);
    const { colors, ...fields } = patch;
    // The row is updated first: its lock makes concurrent updates of one brand take turns, so two
    // palette replacements never interleave (and updatedAt changes even for a palette-only update).
    const brand = await tx.brand.update({ where: { id }, data: { ...fields, updatedAt: new Date() } });
    if (colors) await replacePalette(tx, id, colors);
    return brand;
  },

  async remove(tx: Db, id: string, scope: OrganizationScope = null): Promise<boolean> {
    await brandStore.requireExists(tx, id, "id", scope);
    await lockBrand(tx, id);
    await tx.brand.delete({ where: { id } });
    return true;
  },
};

async function replacePalette(tx: Db, brandId: string, colors: readonly BrandColorDraft[]) {
  await tx.brandColor.deleteMany({ where: { brandId } });
  await tx.brandColor.createMany({ data: colors.map((c) => ({ ...c, brandId })) });
}

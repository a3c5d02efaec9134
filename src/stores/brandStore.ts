// Every statement on brands and their guideline palettes. A palette is replaced as a whole
// (delete + insert in the mutation's transaction), which is what "colors given on update replace
// the palette" means and keeps the (brand_id, hex) key free of half-updated states.
import type { Brand } from "../generated/prisma/client.ts";
import type { BrandDraft, BrandPatch } from "../domain/brandInput.ts";
import type { BrandColorDraft } from "../domain/palette.ts";
import type { Page } from "../domain/pagination.ts";
import type { EntityChange } from "../outbox/entityChange.ts";
import { pendingDeleteIds, pendingDeletesOf, type PendingDeletes } from "../outbox/pendingDeletes.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { Db, Written } from "./inTransaction.ts";
import { deleted, upserted } from "../outbox/changes.ts";
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

  /**
   * NOT_FOUND naming `field` unless the brand exists within the scope; the lookup a write under a
   * brand starts with. Returns the brand's organization, which its outbox events record.
   */
  async requireExists(db: Db, id: string, field: string, scope: OrganizationScope = null): Promise<string> {
    const brand = await db.brand.findFirst({ where: { id, ...brandsIn(scope) }, select: { organizationId: true } });
    return requireFound(brand, "Brand", id, field).organizationId;
  },

  /**
   * The organization of a brand a write already found: the caller's scope when it has one (the
   * write's lookup was confined to it), else read, for the outbox events of what hangs under it.
   */
  async organizationOf(db: Db, brandId: string, scope: OrganizationScope): Promise<string> {
    if (scope !== null) return scope;
    const brand = await db.brand.findUnique({ where: { id: brandId }, select: { organizationId: true } });
    return requireFound(brand, "Brand", brandId, "brandId").organizationId;
  },

  async create(tx: Db, draft: BrandDraft, scope: OrganizationScope = null): Promise<Written<Brand>> {
    const where = { AND: [{ id: draft.organizationId }, organizationsIn(scope)] };
    const organization = await tx.organization.findFirst({ where, select: { id: true } });
    requireFound(organization, "Organization", draft.organizationId, "input.organizationId");
    const brand = await tx.brand.create({
      data: {
        organizationId: draft.organizationId,
        name: draft.name,
        industry: draft.industry,
        learningActive: draft.learningActive,
        colors: { createMany: { data: [...draft.colors] } },
      },
    });
    return { result: brand, changes: [upserted("brand", brand.id, brand.organizationId)] };
  },

  async update(tx: Db, id: string, patch: BrandPatch, scope: OrganizationScope = null): Promise<Written<Brand>> {
    const organizationId = await brandStore.requireExists(tx, id, "id", scope);
    const { colors, ...fields } = patch;
    // The row is updated first: its lock makes concurrent updates of one brand take turns, so two
    // palette replacements never interleave (and updatedAt changes even for a palette-only update).
    const brand = await tx.brand.update({ where: { id }, data: { ...fields, updatedAt: new Date() } });
    if (colors) await replacePalette(tx, id, colors);
    return { result: brand, changes: [upserted("brand", id, organizationId)] };
  },

  async remove(tx: Db, id: string, scope: OrganizationScope = null): Promise<Written<boolean>> {
    await brandStore.requireExists(tx, id, "id", scope);
    await lockBrand(tx, id);
    const changes = await brandStore.cascadeOf(tx, [id]);
    await tx.brand.delete({ where: { id } });
    return { result: true, changes };
  },

  /**
   * One delete per entity that goes when these brands go: the brands, and what Postgres cascades
   * to (assets, feedback, templates; colors are part of a brand or an asset). The caller holds the
   * brands' locks (lockForDelete.ts), so nothing can be added under them before they go.
   */
  async cascadeOf(tx: Db, brandIds: readonly string[]): Promise<EntityChange[]> {
    if (brandIds.length === 0) return [];
    // One statement: an organization's delete lists thousands of rows per batch, where a Prisma
    // call per kind would cost more than the delete itself.
    const rows = await tx.$queryRaw<{ entity: "brand" | "asset" | "feedback" | "template"; id: string; organizationId: string }[]>`
      /* cascadeOfBrands */
      WITH gone AS (SELECT id, organization_id FROM brands WHERE id = ANY(${[...brandIds]}::text[]))
      SELECT entity, id, "organizationId" FROM (
        SELECT 1 AS rank, 'brand' AS entity, id, organization_id AS "organizationId" FROM gone
        UNION ALL SELECT 2, 'asset', a.id, gone.organization_id FROM assets a JOIN gone ON gone.id = a.brand_id
        UNION ALL SELECT 3, 'feedback', f.id, gone.organization_id FROM feedback f JOIN gone ON gone.id = f.brand_id
        UNION ALL SELECT 4, 'template', t.id, gone.organization_id FROM templates t JOIN gone ON gone.id = t.brand_id
      ) cascade ORDER BY rank, id`;
    return rows.map((r) => deleted(r.entity, r.id, r.organizationId));
  },
};

async function replacePalette(tx: Db, brandId: string, colors: readonly BrandColorDraft[]) {
  await tx.brandColor.deleteMany({ where: { brandId } });
  await tx.brandColor.createMany({ data: colors.map((c) => ({ ...c, brandId })) });
}

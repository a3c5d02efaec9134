// Every statement on organizations. Deleting one cascades in Postgres to its brands and all below
// them, which the capture triggers record entity by entity; the brands are locked first, in id
// order, as every delete locks (lockForDelete.ts).
import type { Organization } from "../generated/prisma/client.ts";
import type { OrganizationDraft } from "../domain/organizationInput.ts";
import type { Page } from "../domain/pagination.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import type { Db } from "./inTransaction.ts";
import { given } from "./given.ts";
import { keyset } from "./keyset.ts";
import { lockOrganizationBrands } from "./lockForDelete.ts";
import { newId } from "./newId.ts";
import { requireDeleted, requireFound } from "./requireFound.ts";
import { organizationsIn, type OrganizationScope } from "./scope.ts";

// Any constant unique to this purpose; advisory locks are keyed by a bigint.
const SEED_LOCK_KEY = 7_340_912_118n;

export const organizationStore = {
  findById: (db: Db, id: string, scope: OrganizationScope = null) =>
    db.organization.findFirst({ where: { AND: [{ id }, organizationsIn(scope)] } }),

  findByIds: (db: Db, ids: readonly string[], scope: OrganizationScope = null) =>
    db.organization.findMany({ where: { AND: [{ id: { in: [...ids] } }, organizationsIn(scope)] } }),

  /** The oldest organization's id (ids are UUIDv7), or null on an empty database. */
  firstId: async (db: Db): Promise<string | null> =>
    (await db.organization.findFirst({ orderBy: { id: "asc" }, select: { id: true } }))?.id ?? null,

  /**
   * The number of organizations, counted under a transaction-scoped advisory lock, so two
   * processes starting on one empty database cannot both decide to seed it.
   */
  async countExclusively(tx: RawSql): Promise<number> {
    await tx.$executeRaw`/* lockOrganizationsForSeeding */ SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    const [{ count }] = await tx.$queryRaw<[{ count: number }]>`/* countOrganizations */ SELECT count(*)::int AS count FROM organizations`;
    return count;
  },

  listPage: (db: Db, page: Page, scope: OrganizationScope = null) => db.organization.findMany(keyset({}, page, organizationsIn(scope))),

  async create(tx: RawSql, draft: OrganizationDraft): Promise<Organization> {
    const [organization] = await tx.$queryRaw<[Organization]>`
      /* createOrganization */
      INSERT INTO organizations (id, name, plan) VALUES (${newId()}::text, ${draft.name}::text, COALESCE(${draft.plan ?? null}::text, 'free'))
      RETURNING id, name, plan, created_at AS "createdAt", updated_at AS "updatedAt"`;
    return organization;
  },

  async update(tx: RawSql, id: string, patch: Partial<OrganizationDraft>, scope: OrganizationScope = null): Promise<Organization> {
    const [row] = await tx.$queryRaw<Organization[]>`
      /* updateOrganization */
      UPDATE organizations
         SET name = CASE WHEN ${given(patch.name)}::boolean THEN ${patch.name ?? null}::text ELSE name END,
             plan = CASE WHEN ${given(patch.plan)}::boolean THEN ${patch.plan ?? null}::text ELSE plan END,
             updated_at = now()
       WHERE id = ${id}::text AND (${scope}::text IS NULL OR id = ${scope}::text)
      RETURNING id, name, plan, created_at AS "createdAt", updated_at AS "updatedAt"`;
    return requireFound(row ?? null, "Organization", id, "id");
  },

  /**
   * Deletes the first `limit` brands of the organization (by id), each with everything under it;
   * returns how many went. What deleteOrganization runs until few enough are left for remove.
   */
  async removeBrands(tx: RawSql, id: string, limit: number, scope: OrganizationScope = null): Promise<number> {
    await requireOrganization(tx, id, scope);
    const brandIds = await lockOrganizationBrands(tx, id, limit);
    await tx.$executeRaw`/* deleteBrandsOfOrganization */ DELETE FROM brands WHERE id = ANY(${brandIds}::text[])`;
    return brandIds.length;
  },

  /** Deletes the organization with every brand it still has (deleteOrganization removes the bulk first). */
  async remove(tx: RawSql, id: string, scope: OrganizationScope = null): Promise<boolean> {
    await requireOrganization(tx, id, scope);
    await lockOrganizationBrands(tx, id);
    const deleted = await tx.$executeRaw`/* deleteOrganization */ DELETE FROM organizations WHERE id = ${id}::text`;
    requireDeleted(deleted, "Organization", id);
    return true;
  },
};

/** NOT_FOUND naming `id` unless the organization exists within the scope. */
async function requireOrganization(tx: RawSql, id: string, scope: OrganizationScope): Promise<void> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    /* organizationInScope */ SELECT id FROM organizations WHERE id = ${id}::text AND (${scope}::text IS NULL OR id = ${scope}::text)`;
  requireFound(row ?? null, "Organization", id, "id");
}

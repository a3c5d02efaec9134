// Every statement on organizations. Deleting one cascades in Postgres to its brands and all below
// them, which the capture triggers record entity by entity; the brands are locked first, in id
// order, as every delete locks (lockForDelete.ts).
import type { Organization } from "../generated/prisma/client.ts";
import type { OrganizationDraft } from "../domain/organizationInput.ts";
import type { Page } from "../domain/pagination.ts";
import type { Db } from "./inTransaction.ts";
import { keyset } from "./keyset.ts";
import { lockOrganizationBrands } from "./lockForDelete.ts";
import { requireFound } from "./requireFound.ts";
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
  async countExclusively(tx: Db): Promise<number> {
    await tx.$executeRaw`/* lockOrganizationsForSeeding */ SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    return tx.organization.count();
  },

  listPage: (db: Db, page: Page, scope: OrganizationScope = null) => db.organization.findMany(keyset({}, page, organizationsIn(scope))),

  async create(tx: Db, draft: OrganizationDraft): Promise<Organization> {
    return tx.organization.create({ data: { name: draft.name, plan: draft.plan } });
  },

  async update(tx: Db, id: string, patch: Partial<OrganizationDraft>, scope: OrganizationScope = null): Promise<Organization> {
    requireFound(await organizationStore.findById(tx, id, scope), "Organization", id, "id");
    return tx.organization.update({ where: { id }, data: patch });
  },

  /**
   * Deletes the first `limit` brands of the organization (by id), each with everything under it;
   * returns how many went. What deleteOrganization runs until few enough are left for remove.
   */
  async removeBrands(tx: Db, id: string, limit: number, scope: OrganizationScope = null): Promise<number> {
    requireFound(await organizationStore.findById(tx, id, scope), "Organization", id, "id");
    const brandIds = await lockOrganizationBrands(tx, id, limit);
    await tx.brand.deleteMany({ where: { id: { in: brandIds } } });
    return brandIds.length;
  },

  /** Deletes the organization with every brand it still has (deleteOrganization removes the bulk first). */
  async remove(tx: Db, id: string, scope: OrganizationScope = null): Promise<boolean> {
    requireFound(await organizationStore.findById(tx, id, scope), "Organization", id, "id");
    await lockOrganizationBrands(tx, id);
    await tx.organization.delete({ where: { id } });
    return true;
  },
};

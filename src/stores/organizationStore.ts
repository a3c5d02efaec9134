// Every statement on organizations. Deleting one cascades in Postgres to its brands and all below
// them; the outbox still needs one delete per cascaded entity, so they are locked and listed first.
import type { Organization } from "../generated/prisma/client.ts";
import type { OrganizationDraft } from "../domain/organizationInput.ts";
import type { Page } from "../domain/pagination.ts";
import { brandStore } from "./brandStore.ts";
import type { Db, Written } from "./inTransaction.ts";
import { deleted, upserted } from "../outbox/changes.ts";
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

  async create(tx: Db, draft: OrganizationDraft): Promise<Written<Organization>> {
    const organization = await tx.organization.create({ data: { name: draft.name, plan: draft.plan } });
    return { result: organization, changes: [upserted("organization", organization.id, organization.id)] };
  },

  async update(tx: Db, id: string, patch: Partial<OrganizationDraft>, scope: OrganizationScope = null): Promise<Written<Organization>> {
    requireFound(await organizationStore.findById(tx, id, scope), "Organization", id, "id");
    const organization = await tx.organization.update({ where: { id }, data: patch });
    return { result: organization, changes: [upserted("organization", id, id)] };
  },

  /**
   * Deletes the first `limit` brands of the organization (by id), each with everything under it;
   * returns how many went. What deleteOrganization runs until few enough are left for remove.
   */
  async removeBrands(tx: Db, id: string, limit: number, scope: OrganizationScope = null): Promise<Written<number>> {
    requireFound(await organizationStore.findById(tx, id, scope), "Organization", id, "id");
    const brandIds = await lockOrganizationBrands(tx, id, limit);
    const cascaded = await brandStore.cascadeOf(tx, brandIds);
    await tx.brand.deleteMany({ where: { id: { in: brandIds } } });
    return { result: brandIds.length, changes: cascaded };
  },

  /** Deletes the organization with every brand it still has (deleteOrganization removes the bulk first). */
  async remove(tx: Db, id: string, scope: OrganizationScope = null): Promise<Written<boolean>> {
    requireFound(await organizationStore.findById(tx, id, scope), "Organization", id, "id");
    const brandIds = await lockOrganizationBrands(tx, id);
    const cascaded = await brandStore.cascadeOf(tx, brandIds);
    await tx.organization.delete({ where: { id } });
    return { result: true, changes: [deleted("organization", id, id), ...cascaded] };
  },
};

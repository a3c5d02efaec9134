// Per-request DataLoaders: every parent → child edge of the schema batches through one of these,
// so a list of N parents costs one SQL statement per edge, not N. Built per request so a cached
// row never outlives the request that read it. The by-id loaders see only the caller's
// organization (scope.ts); children are reached through a parent that was visible.
import DataLoader from "dataloader";
import type { Asset, AssetColor, Brand, BrandColor, Feedback, Organization, Template } from "../generated/prisma/client.ts";
import type { Page } from "../domain/pagination.ts";
import { assetStore } from "./assetStore.ts";
import { brandStore } from "./brandStore.ts";
import type { Postgres } from "../postgres/createPrisma.ts";
import { feedbackStore } from "./feedbackStore.ts";
import { organizationStore } from "./organizationStore.ts";
import { inScope, type OrganizationScope } from "./scope.ts";
import { templateStore } from "./templateStore.ts";
import type { EntityKind } from "../outbox/entityChange.ts";
import { pendingDeletes as readPendingDeletes, type PendingDeletes } from "../outbox/pendingDeletes.ts";

/** One parent's page of children; parents asking for the same page share one statement. */
export interface ChildPageKey {
  readonly parentId: string;
  readonly page: Page;
}

/** A loader of child pages: Organization.brands, Brand.assets, Brand.templates, Asset.feedback. */
export type ChildPageLoader<Row> = DataLoader<ChildPageKey, Row[], string>;

/** What resolvers use of a by-id DataLoader. */
export type ByIdLookup<T> = Pick<DataLoader<string, T | null>, "load" | "loadMany">;

export interface Loaders {
  readonly organizationById: DataLoader<string, Organization | null>;
  /** The caller's organization's brands. */
  readonly brandById: ByIdLookup<Brand>;
  /**
   * Any organization's brand: only for graph rows that name another organization's brand by
   * design (similarBrands), shown as a ForeignBrand: its id and name, no other field exists.
   */
  readonly anyBrandById: DataLoader<string, Brand | null>;
  /** Per entity kind, the deletes this request's graph answers may still show (pendingDeletes.ts). */
  readonly pendingDeletes: DataLoader<EntityKind, PendingDeletes>;
  /** A brand's row and the pending brand deletes in one statement, primed into anyBrandById and pendingDeletes. */
  readonly primeBrandAndPendingDeletes: (id: string) => Promise<void>;
  readonly assetById: DataLoader<string, Asset | null>;
  readonly brandPageByOrganization: ChildPageLoader<Brand>;
  readonly colorsByBrand: DataLoader<string, BrandColor[]>;
  readonly assetPageByBrand: ChildPageLoader<Asset>;
  readonly templatePageByBrand: ChildPageLoader<Template>;
  readonly colorsByAsset: DataLoader<string, AssetColor[]>;
  readonly feedbackPageByAsset: ChildPageLoader<Feedback>;
}

/** Rows of many parents → one list per key, in key order; the store's row order is kept. */
function groupBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/** Rows fetched by id → one row (or null) per requested id, in request order. */
function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await fetch(ids)).map((r) => [r.id, r]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

const pageKey = (page: Page) => `${page.first}:${page.afterId ?? ""}`;
const childPageKey = (key: ChildPageKey) => `${key.parentId}|${pageKey(key.page)}`;

/**
 * The caller's view of every brand row: another organization's brand is not found, the same as a
 * missing one. A view rather than a loader of its own, so the brands a request names in one tick,
 * in its scope or not (brand(id) and the similar brands the graph names), are one statement.
 */
function brandsInScope(brands: DataLoader<string, Brand | null>, scope: OrganizationScope): ByIdLookup<Brand> {
  const visible = (brand: Brand | null) => (brand && inScope(scope, brand.organizationId) ? brand : null);
  return {
    load: async (id) => visible(await brands.load(id)),
    loadMany: async (ids) => (await brands.loadMany(ids)).map((brand) => (brand instanceof Error ? brand : visible(brand))),
  };
}

/** `requestStarted`: performance.now() before any of the request's graph reads (pendingDeletes.ts). */
export function createLoaders({ prisma, sql }: Postgres, scope: OrganizationScope, requestStarted = performance.now()): Loaders {
  const anyBrandById = byId((ids) => brandStore.rowsByIds(sql, ids));
  const pendingDeletes = new DataLoader<EntityKind, PendingDeletes>((kinds) =>
    Promise.all(kinds.map((kind) => readPendingDeletes(sql, kind, requestStarted))),
  );
  return {
    organizationById: byId((ids) => organizationStore.findByIds(prisma, ids, scope)),
    brandById: brandsInScope(anyBrandById, scope),
    anyBrandById,
    pendingDeletes,
    async primeBrandAndPendingDeletes(id) {
      const read = await brandStore.rowWithPendingDeletes(sql, id, requestStarted);
      anyBrandById.prime(id, read.brand);
      pendingDeletes.prime("brand", read.pendingDeletes);
    },
    assetById: byId((ids) => assetStore.findByIds(prisma, ids, scope)),
    brandPageByOrganization: childPageLoader((ids, page) => brandStore.pagesOfOrganizations(sql, ids, page), (b) => b.organizationId),
    colorsByBrand: new DataLoader(async (ids) => groupBy(ids, await brandStore.colorsOfBrands(prisma, ids), (c) => c.brandId)),
    assetPageByBrand: childPageLoader((ids, page) => assetStore.pagesOfBrands(prisma, ids, page), (a) => a.brandId),
    templatePageByBrand: childPageLoader((ids, page) => templateStore.pagesOfBrands(sql, ids, page), (t) => t.brandId),
    colorsByAsset: new DataLoader(async (ids) => groupBy(ids, await assetStore.colorsOfAssets(prisma, ids), (c) => c.assetId)),
    feedbackPageByAsset: childPageLoader((ids, page) => feedbackStore.pagesOfAssets(sql, ids, page), (f) => f.assetId),
  };
}

/**
 * Parents asking for the same page (every parent of one list does) share one windowed statement;
 * a request mixing pages costs one statement per distinct page.
 */
function childPageLoader<Row>(
  fetchPages: (parentIds: readonly string[], page: Page) => Promise<Row[]>,
  parentOf: (row: Row) => string,
): ChildPageLoader<Row> {
  return new DataLoader(
    async (keys) => {
      const samePage = new Map<string, ChildPageKey[]>();
      for (const key of keys) samePage.set(pageKey(key.page), [...(samePage.get(pageKey(key.page)) ?? []), key]);
      const found = new Map<string, Row[]>();
      for (const group of samePage.values()) {
        const parentIds = group.map((k) => k.parentId);
        const rows = await fetchPages(parentIds, group[0]!.page);
        groupBy(parentIds, rows, parentOf).forEach((children, i) => found.set(childPageKey(group[i]!), children));
      }
      return keys.map((key) => found.get(childPageKey(key)) ?? []);
    },
    { cacheKeyFn: childPageKey },
  );
}

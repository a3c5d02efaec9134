import type { Page } from "../domain/pagination.ts";

/** A list filter as GraphQL hands it over: an absent or null key means "any". */
type Filter = Record<string, string | null | undefined>;
type PresentOnly<F extends Filter> = { [K in keyof F]?: NonNullable<F[K]> };

/**
 * The Prisma arguments of one keyset page: the filter's present keys, ids after the cursor, in id
 * order, one extra row. Null filter values are dropped because to Prisma null means IS NULL.
 * `scope` (a tenancy filter, scope.ts) is ANDed in whole, so no filter key can widen it.
 */
export function keyset<F extends Filter>(filter: F, page: Page, scope?: object) {
  const present = Object.fromEntries(Object.entries(filter).filter(([, v]) => v != null)) as PresentOnly<F>;
  const where = scope ? { ...present, AND: [scope] } : present;
  return {
    where: page.afterId === null ? where : { ...where, id: { gt: page.afterId } },
    orderBy: { id: "asc" as const },
    take: page.first + 1,
  };
}

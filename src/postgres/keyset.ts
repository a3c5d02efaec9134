import type { Page } from "../domain/pagination.ts";

/** The Prisma arguments of one keyset page: ids after the cursor, in id order, one extra row. */
export const keyset = (page: Page) => ({
  idAfter: page.afterId === null ? {} : { id: { gt: page.afterId } },
  orderBy: { id: "asc" as const },
  take: page.first + 1,
});

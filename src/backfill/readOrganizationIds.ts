// Keyset pages and totals of an organization-scoped run, driven from the organizations' brands
// instead of the whole table. Walking a table's primary key and keeping the rows of those
// organizations costs the whole table per run: the last page of each kind scans from the checkpoint
// to the table's end, and the totals scan it all. Here each brand contributes an index scan of
// its own children after the checkpoint (the indexes on brand_id), merged in id order, so a
// page costs what the organizations hold, not what the database holds, and memory stays bounded by
// the page: each brand yields at most `limit` ids and the merge keeps the smallest `limit`.
import { Prisma } from "../generated/prisma/client.ts";
import type { PrismaClient } from "../postgres/createPrisma.ts";
import type { GraphEntityKind } from "./backfillOptions.ts";

type ChildKind = Exclude<GraphEntityKind, "brand">;

/** A closed set, so the table name can be spliced into the statement. */
const CHILD_TABLES: Record<ChildKind, Prisma.Sql> = {
  asset: Prisma.raw("assets"),
  feedback: Prisma.raw("feedback"),
  template: Prisma.raw("templates"),
};

export async function readOrganizationIds(
  prisma: PrismaClient,
  kind: GraphEntityKind,
  page: { after: string; limit: number; organizationIds: readonly string[] },
): Promise<string[]> {
  const { after, limit } = page;
  const orgs = [...page.organizationIds];
  const rows =
    kind === "brand"
      ? await prisma.$queryRaw<{ id: string }[]>`
          /* readOrganizationBrandIds */
          SELECT b.id
            FROM unnest(${orgs}::text[]) AS o(id)
            CROSS JOIN LATERAL (SELECT id FROM brands WHERE organization_id = o.id AND id > ${after}
                                 ORDER BY id LIMIT ${limit}::int) AS b
           ORDER BY b.id LIMIT ${limit}::int`
      : await prisma.$queryRaw<{ id: string }[]>`
          /* readOrganizationChildIds */
          SELECT c.id
            FROM brands b
            CROSS JOIN LATERAL (SELECT id FROM ${CHILD_TABLES[kind]} WHERE brand_id = b.id AND id > ${after}
                                 ORDER BY id LIMIT ${limit}::int) AS c
           WHERE b.organization_id = ANY(${orgs}::text[])
           ORDER BY c.id LIMIT ${limit}::int`;
  return rows.map((r) => r.id);
}

/** The per-brand count is a correlated subquery so that it stays an index-only scan per brand. */
export async function countOrganizationRows(
  prisma: PrismaClient,
  kind: GraphEntityKind,
  organizationIds: readonly string[],
): Promise<number> {
  const orgs = [...organizationIds];
  const [{ count }] =
    kind === "brand"
      ? await prisma.$queryRaw<[{ count: number }]>`
          /* countOrganizationBrands */
          SELECT count(*)::int AS count FROM brands WHERE organization_id = ANY(${orgs}::text[])`
      : await prisma.$queryRaw<[{ count: number }]>`
          /* countOrganizationChildren */
          SELECT coalesce(sum((SELECT count(*) FROM ${CHILD_TABLES[kind]} c WHERE c.brand_id = b.id)), 0)::int AS count
            FROM brands b WHERE b.organization_id = ANY(${orgs}::text[])`;
  return count;
}

// Keyset pagination over one entity kind's ids (UUIDv7, so id order is creation order): each page
// is an index range scan after the last id, never an OFFSET, so memory and time per page stay
// flat however large the table is. Scoped to organizations when a run asks for it.
import type { PrismaClient } from "../postgres/createPrisma.ts";
import type { GraphEntityKind } from "./backfillOptions.ts";

export async function readPostgresIds(
  prisma: PrismaClient,
  kind: GraphEntityKind,
  page: { after: string; limit: number; organizationIds: readonly string[] | null },
): Promise<string[]> {
  const { after, limit } = page;
  const orgs = page.organizationIds ? { in: [...page.organizationIds] } : undefined;
  const query = { orderBy: { id: "asc" as const }, take: limit, select: { id: true } };
  const byBrand = orgs ? { brand: { organizationId: orgs } } : {};
  const rows =
    kind === "brand"
      ? await prisma.brand.findMany({ ...query, where: { id: { gt: after }, ...(orgs ? { organizationId: orgs } : {}) } })
      : kind === "asset"
        ? await prisma.asset.findMany({ ...query, where: { id: { gt: after }, ...byBrand } })
        : kind === "feedback"
          ? await prisma.feedback.findMany({ ...query, where: { id: { gt: after }, ...byBrand } })
          : await prisma.template.findMany({ ...query, where: { id: { gt: after }, ...byBrand } });
  return rows.map((r) => r.id);
}

/** How many rows a step will visit, for progress and ETA. */
export async function countPostgresRows(
  prisma: PrismaClient,
  kind: GraphEntityKind,
  organizationIds: readonly string[] | null,
): Promise<number> {
  const orgs = organizationIds ? { in: [...organizationIds] } : undefined;
  const byBrand = orgs ? { brand: { organizationId: orgs } } : {};
  switch (kind) {
    case "brand":
      return prisma.brand.count({ where: orgs ? { organizationId: orgs } : {} });
    case "asset":
      return prisma.asset.count({ where: byBrand });
    case "feedback":
      return prisma.feedback.count({ where: byBrand });
    case "template":
      return prisma.template.count({ where: byBrand });
    default:
      throw new UnreachableKind(kind);
  }
}

class UnreachableKind extends Error {
  constructor(kind: never) {
    super(`unreachable entity kind ${String(kind)}`);
  }
}

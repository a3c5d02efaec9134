// Keyset pagination over one entity kind's ids (UUIDv7, so id order is creation order): each page
// is an index range scan after the last id, never an OFFSET, so memory and time per page stay
// flat however large the table is. A run scoped to organizations walks their brands instead
// (readOrganizationIds.ts).
import type { PrismaClient } from "../postgres/createPrisma.ts";
import type { GraphEntityKind } from "./backfillOptions.ts";
import { countOrganizationRows, readOrganizationIds } from "./readOrganizationIds.ts";

export async function readPostgresIds(
  prisma: PrismaClient,
  kind: GraphEntityKind,
  page: { after: string; limit: number; organizationIds: readonly string[] | null },
): Promise<string[]> {
  const { after, limit, organizationIds } = page;
  if (organizationIds) return readOrganizationIds(prisma, kind, { after, limit, organizationIds });
  const query = { orderBy: { id: "asc" as const }, take: limit, select: { id: true }, where: { id: { gt: after } } };
  const rows =
    kind === "brand"
      ? await prisma.brand.findMany(query)
      : kind === "asset"
        ? await prisma.asset.findMany(query)
        : kind === "feedback"
          ? await prisma.feedback.findMany(query)
          : await prisma.template.findMany(query);
  return rows.map((r) => r.id);
}

/** How many rows a step will visit, for progress and ETA. */
export async function countPostgresRows(
  prisma: PrismaClient,
  kind: GraphEntityKind,
  organizationIds: readonly string[] | null,
): Promise<number> {
  if (organizationIds) return countOrganizationRows(prisma, kind, organizationIds);
  switch (kind) {
    case "brand":
      return prisma.brand.count();
    case "asset":
      return prisma.asset.count();
    case "feedback":
      return prisma.feedback.count();
    case "template":
      return prisma.template.count();
    default:
      throw new UnreachableKind(kind);
  }
}

class UnreachableKind extends Error {
  constructor(kind: never) {
    super(`unreachable entity kind ${String(kind)}`);
  }
}

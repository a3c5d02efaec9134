import type { TestDeps } from "./testDeps.ts";

/**
 * What a committed brand delete leaves until the sync applies it: no row, a pending outbox event,
 * the node. `appliedAt` marks the event applied while the node stays: what a graph read that ran
 * just before the sync applied the delete has seen.
 */
export async function deleteInPostgresOnly({ prisma }: Pick<TestDeps, "prisma">, id: string, appliedAt: Date | null = null): Promise<void> {
  await prisma.$transaction([
    prisma.brand.delete({ where: { id } }),
    prisma.syncEvent.create({ data: { entityType: "brand", entityId: id, operation: "delete", appliedAt } }),
  ]);
}

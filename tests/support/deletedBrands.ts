import type { GraphFixtures } from "./graphFixtures.ts";
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

/** A brand and, in five other organizations, five brands with its palette: what the deleted-brand cases list. */
export async function brandsSharingAPalette(fixtures: GraphFixtures): Promise<{ asked: string; hex: string; others: string[] }> {
  const palette = fixtures.hexes(3).map((hex) => ({ hex }));
  const asked = (await fixtures.brand(await fixtures.organization(), palette)).id;
  const others: string[] = [];
  for (let i = 0; i < 5; i++) others.push((await fixtures.brand(await fixtures.organization(), palette)).id);
  return { asked, hex: palette[0]!.hex, others };
}

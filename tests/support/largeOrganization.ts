// An organization's bulk written straight by SQL (generate_series): brands, one asset and one
// feedback row each, in seconds where the stores would take minutes. Postgres only, as a bulk load
// with capture paused (docs/sync.md): no outbox events, no graph nodes, so tests use it for volume
// beside a few entities written the usual way.
import type { PrismaClient } from "../../src/postgres/createPrisma.ts";

export async function seedBrandsWithFeedback(prisma: PrismaClient, organizationId: string, brands: number): Promise<void> {
  // Interactive, for its own time budget: a batch transaction gets Prisma's 5 s default.
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL mobius.capture = off`;
      await tx.$executeRaw`
        WITH b AS (
          INSERT INTO brands (id, organization_id, name, feedback_count)
          SELECT gen_random_uuid()::text, ${organizationId}, 'Seeded brand ' || i, 1 FROM generate_series(1, ${brands}::int) i
          RETURNING id
        ), a AS (
          INSERT INTO assets (id, brand_id, prompt) SELECT gen_random_uuid()::text, id, 'Seeded asset' FROM b RETURNING id, brand_id
        )
        INSERT INTO feedback (id, asset_id, brand_id, action) SELECT gen_random_uuid()::text, id, brand_id, 'approve' FROM a`;
    },
    { timeout: 120_000 },
  );
}

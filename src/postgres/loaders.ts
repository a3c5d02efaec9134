// Per-request DataLoaders: every parent → child edge of the schema batches through one of these,
// so a list of N parents costs one SQL statement per edge, not N.
import DataLoader from "dataloader";
import type { Brand } from "../generated/prisma/client.ts";
import type { PrismaClient } from "./createPrisma.ts";

export interface Loaders {
  readonly brandById: DataLoader<string, Brand | null>;
}

export function createLoaders(prisma: PrismaClient): Loaders {
  return {
    brandById: new DataLoader(async (ids) => {
      const rows = await prisma.brand.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

import type { GraphConnection } from "../graph/graphConnection.ts";
import type { PrismaClient } from "../postgres/createPrisma.ts";

/** What a backfill or reconcile batch reads and writes. */
export interface BatchDeps {
  readonly prisma: PrismaClient;
  readonly graph: GraphConnection;
}

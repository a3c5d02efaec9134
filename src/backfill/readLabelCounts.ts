// Counts per label on both sides, for reconcile's report: after a repair they are equal. Colors are
// global, so an organization-scoped run reports none for them.
import type { PrismaClient } from "../postgres/createPrisma.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { ENTITY_KINDS, type ReconcileKind } from "./backfillOptions.ts";
import { countPostgresRows } from "./readPostgresIds.ts";
import { reconcileCypher } from "./reconcileCypher.ts";

export type LabelCounts = Record<ReconcileKind, number | null>;

export async function readGraphLabelCounts(graph: GraphConnection, organizationIds: readonly string[] | null): Promise<LabelCounts> {
  const { records } = await graph.driver.executeQuery(
    reconcileCypher.countLabels,
    { orgs: organizationIds },
    { database: graph.database, routing: "READ" },
  );
  const r = records[0]!;
  return {
    brand: r.get("brand"),
    asset: r.get("asset"),
    feedback: r.get("feedback"),
    template: r.get("template"),
    color: organizationIds ? null : r.get("color"),
  };
}

export async function readPostgresLabelCounts(prisma: PrismaClient, organizationIds: readonly string[] | null): Promise<LabelCounts> {
  const counts = { color: null } as LabelCounts;
  for (const kind of ENTITY_KINDS) counts[kind] = await countPostgresRows(prisma, kind, organizationIds);
  if (!organizationIds) {
    const [{ count }] = await prisma.$queryRaw<[{ count: number }]>`
      /* countUsedHexes */
      SELECT count(*)::int AS count FROM (SELECT hex FROM brand_colors UNION SELECT hex FROM asset_colors) AS used`;
    counts.color = count;
  }
  return counts;
}

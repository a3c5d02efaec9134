// What the graph holds of one organization's slice, read straight from Neo4j after its outbox events
// are applied, for race tests that compare it with the rows Postgres kept.
import type { TestDeps } from "./testDeps.ts";
import { drainUntilApplied } from "./outbox.ts";

/** Applies every outbox event recorded for these organizations (the drainer of these deps does not poll). */
export async function drainOrganizations(deps: TestDeps, organizationIds: readonly string[]): Promise<void> {
  const events = await deps.prisma.syncEvent.findMany({ where: { organizationId: { in: [...organizationIds] } }, select: { id: true } });
  await drainUntilApplied(deps.sync.drainer!, deps.prisma, events.map((e) => e.id));
}

/** Applies every outbox event recorded for these entities. */
export async function drainEntities(deps: TestDeps, entityIds: readonly string[]): Promise<void> {
  const events = await deps.prisma.syncEvent.findMany({ where: { entityId: { in: [...entityIds] } }, select: { id: true } });
  await drainUntilApplied(deps.sync.drainer!, deps.prisma, events.map((e) => e.id));
}

/** The brand's feedback_count in the graph and the RECEIVED_FEEDBACK edges on its assets. */
export async function graphFeedbackOfBrand(deps: TestDeps, brandId: string): Promise<{ feedbackCount: number | null; edges: number }> {
  const { driver, database } = deps.graph!;
  const { records } = await driver.executeQuery(
    `MATCH (b:Brand {brand_id: $brandId})
     OPTIONAL MATCH (b)-[:GENERATED_ASSET]->(:Asset)-[r:RECEIVED_FEEDBACK]->()
     RETURN b.feedback_count AS feedbackCount, count(r) AS edges`,
    { brandId },
    { database },
  );
  const record = records[0];
  return { feedbackCount: record ? Number(record.get("feedbackCount")) : null, edges: record ? Number(record.get("edges")) : 0 };
}

/** The Brand and Asset nodes of these organizations still in the graph. */
export async function graphNodesOf(deps: TestDeps, organizationIds: readonly string[]) {
  const { driver, database } = deps.graph!;
  const { records } = await driver.executeQuery(
    `CALL { MATCH (b:Brand) WHERE b.organization_id IN $organizationIds RETURN count(b) AS brands }
     CALL { MATCH (a:Asset) WHERE a.organization_id IN $organizationIds RETURN count(a) AS assets }
     RETURN brands, assets`,
    { organizationIds: [...organizationIds] },
    { database },
  );
  return { brands: Number(records[0]!.get("brands")), assets: Number(records[0]!.get("assets")) };
}

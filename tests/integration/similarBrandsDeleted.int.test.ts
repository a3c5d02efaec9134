// A similar brand deleted in Postgres is never shown, even while the graph still has it: its delete
// is pending in the outbox until the sync applies it (src/sync/pendingDeletes.ts). On a database of
// its own, since it leaves pending events behind and fills the outbox with a backlog.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PENDING_DELETES_LIMIT } from "../../src/sync/pendingDeletes.ts";
import { graphFixtures, type GraphFixtures } from "../support/graphFixtures.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const similarIds = (fields: string) => `query ($id: ID!) { brand(id: $id) { similarBrands { brand { ${fields} } } } }`;

describe("similar brands deleted in Postgres before the graph has applied it", () => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  let statements: string[];
  let asked: string;
  let similar: string[];

  beforeAll(async () => {
    statements = [];
    const databaseUrl = await createIsolatedDatabase("similar_deleted");
    gateway = await startTestGateway(createTestDeps({ databaseUrl, onQuery: (sql) => statements.push(sql) }));
    fixtures = graphFixtures(gateway.deps);
    const palette = fixtures.hexes(3).map((hex) => ({ hex }));
    asked = (await fixtures.brand(await fixtures.organization(), palette)).id;
    similar = [];
    for (let i = 0; i < 5; i++) similar.push((await fixtures.brand(await fixtures.organization(), palette)).id);
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  const listed = async (fields: string) => {
    const result = await gateway.graphql(similarIds(fields), { id: asked });
    expect(result.errors).toBeUndefined();
    return result.data.brand.similarBrands.map((s: { brand: { id: string } }) => s.brand.id).sort();
  };
  /**
   * What a committed brand delete leaves until the sync applies it: no row, a pending outbox event,
   * the node. `appliedAt` marks the event applied while the node stays: what a graph read that ran
   * just before the sync applied the delete has seen.
   */
  const deleteInPostgresOnly = async (id: string, appliedAt: Date | null = null) => {
    await gateway.deps.prisma.$transaction([
      gateway.deps.prisma.brand.delete({ where: { id } }),
      gateway.deps.prisma.syncEvent.create({ data: { entityType: "brand", entityId: id, operation: "delete", appliedAt } }),
    ]);
  };

  it("drops it whether only the ids or the names are asked; a pending update hides nothing", async () => {
    const [gone, updated, ...kept] = similar;
    await deleteInPostgresOnly(gone!);
    await gateway.deps.prisma.syncEvent.create({ data: { entityType: "brand", entityId: updated!, operation: "upsert" } });
    const expected = [updated!, ...kept].sort();
    expect(await listed("id")).toEqual(expected);
    expect(await listed("id name")).toEqual(expected);
  });

  it("drops it when the sync applied the delete after the graph read it", async () => {
    const [, updated, appliedLate, ...kept] = similar;
    await deleteInPostgresOnly(appliedLate!, new Date());
    const expected = [updated!, ...kept].sort();
    expect(await listed("id")).toEqual(expected);
    expect(await listed("id name")).toEqual(expected);
  });

  it(`confirms the similar brands by their rows instead when more than ${PENDING_DELETES_LIMIT} deletes are pending`, async () => {
    await gateway.deps.prisma.syncEvent.createMany({
      data: Array.from({ length: PENDING_DELETES_LIMIT + 1 }, () => ({ entityType: "brand", entityId: randomUUID(), operation: "delete" })),
    });
    const [, updated, , missing, ...kept] = similar;
    // A row gone without a pending delete: only reading the rows can tell.
    await gateway.deps.prisma.brand.delete({ where: { id: missing! } });
    statements.length = 0;
    expect(await listed("id")).toEqual([updated!, ...kept].sort());
    expect(statements.filter((s) => /FROM brands WHERE id = ANY/.test(s))).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badInput } from "../../src/errors/codes.ts";
import { inTransaction } from "../../src/stores/inTransaction.ts";
import { organizationStore } from "../../src/stores/organizationStore.ts";
import type { GraphSync } from "../../src/outbox/graphSync.ts";
import { syncEventsFor, unique } from "../support/crudFactory.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";

describe("inTransaction", () => {
  let deps: TestDeps;
  const handedOver: bigint[][] = [];
  const sync: GraphSync = { afterCommit: async (ids) => void handedOver.push([...ids]) };
  beforeAll(() => {
    deps = createTestDeps();
  });
  afterAll(() => deps.close());

  it("commits the rows with their outbox events and hands exactly those events to the sync", async () => {
    handedOver.length = 0;
    const organization = await inTransaction({ prisma: deps.prisma, sync }, (tx) => organizationStore.create(tx, { name: unique("Committed") }));
    const events = await deps.prisma.syncEvent.findMany({ where: { entityId: organization.id } });
    expect(handedOver).toEqual([events.map((e) => e.id)]);
  });

  it("rolls back the rows and their outbox events when the mutation fails after writing", async () => {
    handedOver.length = 0;
    let writtenId = "";
    const failing = inTransaction({ prisma: deps.prisma, sync }, async (tx) => {
      const written = await organizationStore.create(tx, { name: unique("Rolled back") });
      writtenId = written.id;
      // The capture trigger has recorded the organization's event in this transaction by now.
      expect(await tx.syncEvent.count({ where: { entityId: writtenId } })).toBe(1);
      throw badInput("input.name", "refused after writing");
    });
    await expect(failing).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "input.name" } });
    expect(writtenId).not.toBe("");
    expect(await deps.prisma.organization.count({ where: { id: writtenId } })).toBe(0);
    expect(await syncEventsFor(deps, [writtenId])).toEqual([]);
    expect(handedOver).toEqual([]);
  });
});

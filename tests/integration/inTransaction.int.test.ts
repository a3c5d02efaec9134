import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badInput } from "../../src/errors/codes.ts";
import { assetStore } from "../../src/stores/assetStore.ts";
import { inTransaction } from "../../src/stores/inTransaction.ts";
import { organizationStore } from "../../src/stores/organizationStore.ts";
import type { GraphSync } from "../../src/outbox/graphSync.ts";
import { crudFactory, syncEventsFor, unique } from "../support/crudFactory.ts";
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
    const organization = await inTransaction({ sql: deps.sql, sync }, (tx) => organizationStore.create(tx, { name: unique("Committed") }));
    const events = await deps.prisma.syncEvent.findMany({ where: { entityId: organization.id } });
    expect(handedOver).toEqual([events.map((e) => e.id)]);
  });

  it("rolls back the rows and their outbox events when the mutation fails after writing", async () => {
    handedOver.length = 0;
    let writtenId = "";
    const failing = inTransaction({ sql: deps.sql, sync }, async (tx) => {
      const written = await organizationStore.create(tx, { name: unique("Rolled back") });
      writtenId = written.id;
      // The capture trigger has recorded the organization's event in this transaction by now.
      const recorded = await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM sync_events WHERE entity_id = ${writtenId}`;
      expect(recorded).toHaveLength(1);
      throw badInput("input.name", "refused after writing");
    });
    await expect(failing).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "input.name" } });
    expect(writtenId).not.toBe("");
    expect(await deps.prisma.organization.count({ where: { id: writtenId } })).toBe(0);
    expect(await syncEventsFor(deps, [writtenId])).toEqual([]);
    expect(handedOver).toEqual([]);
  });

  describe("an asset's update", () => {
    const seed = async () => {
      const make = crudFactory(deps);
      const brand = await make.brand((await make.organization()).id);
      return { brand, assets: [await make.asset(brand.id), await make.asset(brand.id)] };
    };

    it("replaces the colors with the row and hands exactly its event to the sync", async () => {
      const { assets } = await seed();
      handedOver.length = 0;
      const updated = await inTransaction({ sql: deps.sql, sync }, (tx) =>
        assetStore.update(tx, assets[0]!.id, { prompt: "renamed", colors: [{ hex: "#112233", coverage: 0.5 }] }),
      );
      expect(updated).toMatchObject({ id: assets[0]!.id, prompt: "renamed", imageSha256: null });
      const events = await deps.prisma.syncEvent.findMany({ where: { entityId: assets[0]!.id }, orderBy: { id: "asc" } });
      expect(handedOver).toEqual([[events.at(-1)!.id]]);
      expect(await deps.prisma.assetColor.findMany({ where: { assetId: assets[0]!.id } })).toEqual([
        { assetId: assets[0]!.id, hex: "#112233", coverage: 0.5, source: "declared", onPalette: null },
      ]);
    });

    it("rolls back the row, its colors and its outbox event when the mutation fails after writing", async () => {
      const { assets } = await seed();
      const before = await syncEventsFor(deps, [assets[0]!.id]);
      handedOver.length = 0;
      const failing = inTransaction({ sql: deps.sql, sync }, async (tx) => {
        await assetStore.update(tx, assets[0]!.id, { prompt: "never", colors: [{ hex: "#445566", coverage: null }] });
        throw badInput("input.prompt", "refused after writing");
      });
      await expect(failing).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "input.prompt" } });
      expect(await deps.prisma.asset.findUniqueOrThrow({ where: { id: assets[0]!.id } })).toMatchObject({ prompt: assets[0]!.prompt });
      expect(await deps.prisma.assetColor.count({ where: { assetId: assets[0]!.id } })).toBe(0);
      expect(await syncEventsFor(deps, [assets[0]!.id])).toEqual(before);
      expect(handedOver).toEqual([]);
    });

    it("runs a write Postgres chose as a deadlock victim again, so both writes commit", async () => {
      const { assets } = await seed();
      const [a, b] = assets.map((asset) => asset.id) as [string, string];
      let bothFirst: () => void;
      const reached = new Promise<void>((resolve) => (bothFirst = resolve));
      let firsts = 0;
      const runs = { ab: 0, ba: 0 };
      // Each locks one asset, waits until the other locked its own, then asks for the other's: a deadlock.
      const crossing = (name: keyof typeof runs, first: string, second: string) =>
        inTransaction({ sql: deps.sql, sync }, async (tx) => {
          runs[name] += 1;
          await assetStore.update(tx, first, { status: "approved" });
          if (++firsts === 2) bothFirst();
          await reached;
          return assetStore.update(tx, second, { prompt: `by ${name}` });
        });
      const settled = await Promise.allSettled([crossing("ab", a, b), crossing("ba", b, a)]);
      expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled"]);
      expect(runs.ab + runs.ba).toBe(3);
      const rows = await deps.prisma.asset.findMany({ where: { id: { in: [a, b] } } });
      expect(rows.map((r) => r.status)).toEqual(["approved", "approved"]);
      const victim = runs.ab === 2 ? "ab" : "ba";
      // The victim ran last, so its second update is the one left.
      expect(rows.find((r) => r.id === (victim === "ab" ? b : a))!.prompt).toBe(`by ${victim}`);
    });
  });
});

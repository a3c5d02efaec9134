// Idempotency and ordering: the projector reads current state, so projecting again or projecting
// an older event never moves the graph away from Postgres, and one entity is never projected by
// two drainers at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { projectEntities } from "../../src/projector/projectEntities.ts";
import { lockEntities } from "../../src/outbox/lockEntities.ts";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { drainUntilApplied, markUnapplied, outboxRows } from "../support/outbox.ts";
import { newScope, syncedWrites, uniqueHex } from "../support/syncedWrites.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";

let live: TestDeps;
let switchedOff: TestDeps;
beforeAll(() => {
  const fastRetries = { ...loadConfig({}).graphSync, waitTimeoutMs: 20_000, retryBaseMs: 20, retryMaxMs: 100 };
  live = createTestDeps({ config: { graphSync: fastRetries } });
  // Writes through this one only reach the outbox, so a test decides which events get projected.
  switchedOff = createTestDeps({ config: { graphSyncEnabled: false } });
});
afterAll(async () => {
  await live.close();
  await switchedOff.close();
});

describe("projecting again", () => {
  it("changes nothing when the same events are projected twice", async () => {
    const scope = newScope();
    const writes = syncedWrites(live, scope, { waitForGraph: true });
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id, colors: [{ hex: uniqueHex(scope), name: "N" }] });
    const asset = await writes.createAsset({ brandId: brand.id, colors: [{ hex: uniqueHex(scope), coverage: 0.5 }] });
    await writes.recordFeedback({ assetId: asset.id, action: "approve" });
    await writes.createTemplate({ brandId: brand.id, sourceAssetId: asset.id });
    const once = await readGraphSlice(live.graph!, scope);

    await markUnapplied(live.prisma, scope.eventIds);
    await drainUntilApplied(live.sync.drainer!, live.prisma, scope.eventIds);
    await projectEntities(live.prisma, live.graph!, [
      { entity: "brand", id: brand.id },
      { entity: "asset", id: asset.id },
    ]);

    expect(await readGraphSlice(live.graph!, scope)).toEqual(once);
    expect(once).toEqual(await expectedGraphSlice(live.prisma, scope));
  });
});

describe("ordering", () => {
  it("never lets an older event overwrite newer state", async () => {
    const scope = newScope();
    const writes = syncedWrites(switchedOff, scope);
    const org = await writes.createOrganization();
    const created = await writes.createBrand({ organizationId: org.id, name: "First", colors: [{ hex: uniqueHex(scope), name: "Old" }] });
    const updated = await writes.updateBrand(created.id, { name: "Second", colors: [{ hex: uniqueHex(scope), name: "New" }] });

    // The newer event is projected first; it carries the older one with it (same entity).
    await live.sync.drainer!.drainOnce(updated.eventIds);
    expect((await outboxRows(live.prisma, created.eventIds))[0]!.appliedAt).not.toBeNull();
    // Replaying the older event afterwards still projects the current state.
    await markUnapplied(live.prisma, created.eventIds);
    await drainUntilApplied(live.sync.drainer!, live.prisma, created.eventIds);

    const slice = await readGraphSlice(live.graph!, scope);
    expect(slice.brands[0]).toMatchObject({ name: "Second" });
    expect(slice).toEqual(await expectedGraphSlice(live.prisma, scope));
  });

  it("leaves an entity alone while another drainer holds it, and projects it once released", async () => {
    const scope = newScope();
    const writes = syncedWrites(switchedOff, scope);
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id, name: "Held" });

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    // Another "process" holding the brand's entity lock, as a drainer does while projecting it.
    const otherDrainer = switchedOff.prisma.$transaction(async (tx) => {
      await lockEntities(tx, [{ entity: "brand", id: brand.id }]);
      held();
      await released;
    });
    await holding;

    const blocked = await live.sync.drainer!.drainOnce(brand.eventIds);
    expect(blocked.applied).toBe(0);
    expect((await outboxRows(live.prisma, brand.eventIds))[0]!.appliedAt).toBeNull();

    release();
    await otherDrainer;
    await drainUntilApplied(live.sync.drainer!, live.prisma, brand.eventIds);
    expect((await readGraphSlice(live.graph!, scope)).brands).toEqual([expect.objectContaining({ name: "Held" })]);
  });

  it("retries an asset whose brand is not in the graph yet instead of writing it half-linked", async () => {
    const scope = newScope();
    const writes = syncedWrites(switchedOff, scope);
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id });
    const asset = await writes.createAsset({ brandId: brand.id, colors: [{ hex: uniqueHex(scope), coverage: 1 }] });

    await live.sync.drainer!.drainOnce(asset.eventIds);
    const [waiting] = await outboxRows(live.prisma, asset.eventIds);
    expect(waiting).toMatchObject({ appliedAt: null, attempts: 1 });
    expect(waiting!.lastError).toContain(`brand ${brand.id} is not in the graph yet`);
    expect((await readGraphSlice(live.graph!, scope)).assets).toEqual([]);

    await drainUntilApplied(live.sync.drainer!, live.prisma, brand.eventIds);
    await drainUntilApplied(live.sync.drainer!, live.prisma, asset.eventIds);
    expect(await readGraphSlice(live.graph!, scope)).toEqual(await expectedGraphSlice(live.prisma, scope));
  });
});

// The backfill rebuilds a graph from Postgres through the sync's own projector: into an empty
// graph it writes exactly what a full rebuild (and the sync) would, a second run changes nothing,
// and a run stopped part-way resumes after its last finished batch. Each test backfills only its
// own organization: Postgres and Neo4j are shared with every other test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunOptions } from "../../src/backfill/backfillOptions.ts";
import { runBackfill } from "../../src/backfill/runBackfill.ts";
import { toBackfillReport } from "../../src/backfill/runReports.ts";
import { emptySlice, expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { drainUntilApplied, markUnapplied } from "../support/outbox.ts";
import { syncedWrites, uniqueHex } from "../support/syncedWrites.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";
import { runFor, seedUnsynced } from "../support/unsyncedData.ts";

let off: TestDeps;
let on: TestDeps;
beforeAll(() => {
  off = createTestDeps({ config: { graphSyncEnabled: false } });
  on = createTestDeps();
});
afterAll(async () => {
  await off.close();
  await on.close();
});

const counts = (report: ReturnType<typeof toBackfillReport>) =>
  Object.fromEntries(report.entities.map((e) => [e.entity, [e.created, e.updated, e.unchanged]]));

describe("backfillGraph", () => {
  it("writes into an empty graph exactly the slice a full rebuild, and the sync, would", async () => {
    const data = await seedUnsynced(off);
    expect(await readGraphSlice(off.graph!, data.scope)).toEqual(emptySlice());

    const report = toBackfillReport(await runFor(off, "backfill", data.organizationId, { dryRun: false }));

    expect(report.finished).toBe(true);
    expect(counts(report)).toEqual({ brand: [3, 0, 0], asset: [3, 0, 0], feedback: [2, 0, 0], template: [2, 0, 0] });
    const backfilled = await readGraphSlice(off.graph!, data.scope);
    expect(backfilled).toEqual(await expectedGraphSlice(off.prisma, data.scope));
    // The sync replaying every event of the same data leaves the backfilled slice as it is.
    await markUnapplied(on.prisma, data.scope.eventIds);
    await drainUntilApplied(on.sync.drainer!, on.prisma, data.scope.eventIds);
    expect(await readGraphSlice(on.graph!, data.scope)).toEqual(backfilled);
  });

  it("reports everything unchanged on a second run, dry or not", async () => {
    const data = await seedUnsynced(off);
    await runFor(off, "backfill", data.organizationId, { dryRun: false });
    const graphBefore = await readGraphSlice(off.graph!, data.scope);

    for (const dryRun of [true, false]) {
      const report = toBackfillReport(await runFor(off, "backfill", data.organizationId, { dryRun, batchSize: 2 }));
      expect(counts(report)).toEqual({ brand: [0, 0, 3], asset: [0, 0, 3], feedback: [0, 0, 2], template: [0, 0, 2] });
    }
    expect(await readGraphSlice(off.graph!, data.scope)).toEqual(graphBefore);
  });

  it("writes nothing in a dry run but reports what it would create", async () => {
    const data = await seedUnsynced(off);

    const report = toBackfillReport(await runFor(off, "backfill", data.organizationId, { dryRun: true }));

    expect(counts(report)).toEqual({ brand: [3, 0, 0], asset: [3, 0, 0], feedback: [2, 0, 0], template: [2, 0, 0] });
    expect(await readGraphSlice(off.graph!, data.scope)).toEqual(emptySlice());
  });

  it("reports a node that differs from Postgres as updated and rewrites it", async () => {
    const data = await seedUnsynced(off);
    await runFor(off, "backfill", data.organizationId, { dryRun: false });
    await off.graph!.driver.executeQuery("MATCH (b:Brand {brand_id: $id}) SET b.name = 'stale'", { id: data.brandIds[1] });

    const report = toBackfillReport(await runFor(off, "backfill", data.organizationId, { dryRun: false, entities: ["brand"] }));

    expect(counts(report)).toEqual({ brand: [0, 1, 2] });
    expect(await readGraphSlice(off.graph!, data.scope)).toEqual(await expectedGraphSlice(off.prisma, data.scope));
  });

  it("resumes an interrupted run after its last finished batch without redoing it", async () => {
    const data = await seedUnsynced(off);
    const [first, second, third] = [...data.brandIds].sort();

    const interrupted = await runFor(off, "backfill", data.organizationId, { dryRun: false, entities: ["brand"], batchSize: 1 }, { maxBatches: 2 });
    expect(interrupted.run.finished).toBe(false);
    expect(interrupted.run.checkpoint).toEqual({ brand: second });
    expect((await readGraphSlice(off.graph!, data.scope)).brands.map((b) => b.brand_id).sort()).toEqual([first, second]);
    // Drift in a finished batch: a run that redid that batch would repair it.
    await off.graph!.driver.executeQuery("MATCH (b:Brand {brand_id: $id}) SET b.name = 'untouched'", { id: first });

    const resumed = await runFor(off, "backfill", data.organizationId, { dryRun: false }, { runId: interrupted.run.id });

    const report = toBackfillReport(resumed);
    expect(report.resumedFrom).toEqual([{ step: "brand", lastId: second }]);
    expect(report.finished).toBe(true);
    expect(report.entities).toEqual([
      { entity: "brand", created: 3, updated: 0, unchanged: 0, deferred: 0, total: 3, processed: 3, done: true },
    ]);
    const brands = (await readGraphSlice(off.graph!, data.scope)).brands;
    expect(brands.map((b) => b.brand_id).sort()).toEqual([first, second, third]);
    expect(brands.find((b) => b.brand_id === first)?.name).toBe("untouched");
  });

  it("pages through several organizations in id order, each entity once, pages spanning organizations", async () => {
    const [a, b] = [await seedUnsynced(off), await seedUnsynced(off)];
    const options = parseRunOptions("backfill", { dryRun: false, batchSize: 2, organizationIds: [b.organizationId, a.organizationId] });

    const report = toBackfillReport(await runBackfill({ prisma: off.prisma, graph: off.graph! }, options));

    expect(report.entities.map((e) => [e.entity, e.total, e.processed, e.created])).toEqual([
      ["brand", 6, 6, 6],
      ["asset", 6, 6, 6],
      ["feedback", 4, 4, 4],
      ["template", 4, 4, 4],
    ]);
    for (const data of [a, b]) expect(await readGraphSlice(off.graph!, data.scope)).toEqual(await expectedGraphSlice(off.prisma, data.scope));
  });

  it("defers children whose parents it was not asked to write", async () => {
    const data = await seedUnsynced(off);

    const report = toBackfillReport(await runFor(off, "backfill", data.organizationId, { dryRun: false, entities: ["asset"] }));

    expect(report.entities).toEqual([
      { entity: "asset", created: 0, updated: 0, unchanged: 0, deferred: 3, total: 3, processed: 3, done: true },
    ]);
    expect(await readGraphSlice(off.graph!, data.scope)).toEqual(emptySlice());
  });

  it("never leaves older state behind when mutations and the sync run during an execute backfill", async () => {
    const data = await seedUnsynced(off);
    const live = syncedWrites(on, data.scope, { waitForGraph: false });
    const [acme, bolt, core] = data.brandIds as [string, string, string];

    const backfill = runFor(off, "backfill", data.organizationId, { dryRun: false, batchSize: 1 });
    for (let i = 0; i < 5; i++) {
      await live.updateBrand(acme, { name: `Acme ${i}`, colors: [{ hex: uniqueHex(data.scope), name: `v${i}`, usageWeight: i / 10 }] });
      await live.updateBrand(bolt, { learningActive: i % 2 === 0 });
      await live.recordFeedback({ assetId: data.assetIds[2]!, action: i % 2 ? "reject" : "approve" });
    }
    await live.updateBrand(core, { name: "Core, renamed live" });
    await backfill;
    await drainUntilApplied(on.sync.drainer!, on.prisma, data.scope.eventIds);

    expect(await readGraphSlice(on.graph!, data.scope)).toEqual(await expectedGraphSlice(on.prisma, data.scope));
  });

  it("refuses to resume a run that does not exist, or the other way round than it started", async () => {
    const data = await seedUnsynced(off);
    const dry = await runFor(off, "backfill", data.organizationId, { dryRun: true, batchSize: 1 }, { maxBatches: 1 });

    await expect(runFor(off, "backfill", data.organizationId, { dryRun: false }, { runId: dry.run.id })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "dryRun" },
    });
    await expect(runFor(off, "reconcile", data.organizationId, { dryRun: true }, { runId: dry.run.id })).rejects.toMatchObject({
      extensions: { code: "NOT_FOUND", field: "runId" },
    });
    expect(await readGraphSlice(off.graph!, data.scope)).toEqual(emptySlice());
  });
});

// Postgres stays the truth whatever the graph does: with the kill switch off or Neo4j unreachable
// every write succeeds, its events wait in the outbox with their errors, and the graph catches up
// to exactly Postgres' state once projection can run again.
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { readSyncStatus } from "../../src/outbox/readSyncStatus.ts";
import { capturedLogger } from "../support/capturedLogger.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { drainUntilApplied, eventually, outboxRows } from "../support/outbox.ts";
import { newScope, syncedWrites, uniqueHex, type SyncedWrites, type TestScope } from "../support/syncedWrites.ts";
import { createTestDeps, startTestGateway, type TestDeps } from "../support/testDeps.ts";

const UNREACHABLE_NEO4J = "bolt://127.0.0.1:1";
const opened: TestDeps[] = [];
const open = (...args: Parameters<typeof createTestDeps>) => {
  const deps = createTestDeps(...args);
  opened.push(deps);
  return deps;
};
afterEach(async () => {
  for (const deps of opened.splice(0)) await deps.close();
});

/** A mix of every kind of write, ending with deletes, through the given deps. */
async function mixedWrites(writes: SyncedWrites, scope: TestScope) {
  const org = await writes.createOrganization();
  const [a, b, c] = [uniqueHex(scope), uniqueHex(scope), uniqueHex(scope)];
  const brand = await writes.createBrand({ organizationId: org.id, colors: [{ hex: a, name: "A" }, { hex: b, name: "B" }] });
  const other = await writes.createBrand({ organizationId: org.id, colors: [{ hex: b, name: "Also B" }] });
  const asset = await writes.createAsset({ brandId: brand.id, colors: [{ hex: c, coverage: 0.3 }] });
  const gone = await writes.createAsset({ brandId: other.id, colors: [{ hex: a, coverage: 1 }] });
  await writes.recordFeedback({ assetId: asset.id, action: "approve" });
  await writes.recordFeedback({ assetId: gone.id, action: "reject" });
  await writes.createTemplate({ brandId: brand.id, sourceAssetId: asset.id });
  await writes.updateBrand(brand.id, { name: "Renamed", colors: [{ hex: c, name: "C" }] });
  await writes.deleteAsset(gone.id);
  await writes.deleteBrand(other.id);
}

describe("the kill switch", () => {
  // On a database of its own: the restarted process polls, and would drain other tests' outbox too.
  it("projects nothing while GRAPH_SYNC_ENABLED=false and catches up once a process starts with it on", { timeout: 120_000 }, async () => {
    const scope = newScope();
    const databaseUrl = await createIsolatedDatabase("killswitch");
    const off = open({ config: { graphSyncEnabled: false }, databaseUrl });
    await mixedWrites(syncedWrites(off, scope, { waitForGraph: true }), scope);

    expect((await outboxRows(off.prisma, scope.eventIds)).every((e) => e.appliedAt === null && e.attempts === 0)).toBe(true);
    expect((await readGraphSlice(off.graph!, scope)).brands).toEqual([]);
    expect(off.sync.drainer).toBeNull();
    const gateway = await startTestGateway(createTestDeps({ config: { graphSyncEnabled: false }, databaseUrl }));
    const { data } = await gateway.graphql(`{ syncStatus { enabled pendingEvents oldestPendingAgeSeconds } }`);
    await gateway.close();
    expect(data.syncStatus.enabled).toBe(false);
    expect(data.syncStatus.pendingEvents).toBe(scope.eventIds.length);
    expect(data.syncStatus.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(0);

    // "Restart with true": a new process whose drainer polls the outbox.
    const on = open({ poll: true, databaseUrl });
    await eventually(() => outboxRows(on.prisma, scope.eventIds), (rows) => rows.every((e) => e.appliedAt !== null));
    expect(await readGraphSlice(on.graph!, scope)).toEqual(await expectedGraphSlice(on.prisma, scope));
  });
});

describe("when Neo4j cannot be reached", () => {
  const fastRetries = { ...loadConfig({}).graphSync, retryBaseMs: 20, retryMaxMs: 200, waitTimeoutMs: 300 };

  it("lets every write succeed, keeps its events pending with their errors, and converges afterwards", async () => {
    const scope = newScope();
    const log = capturedLogger();
    const down = open({ config: { graphSync: fastRetries }, neo4jUri: UNREACHABLE_NEO4J, logger: log.logger });
    await mixedWrites(syncedWrites(down, scope), scope);

    const failed = await eventually(
      () => outboxRows(down.prisma, scope.eventIds),
      (rows) => rows.filter((r) => r.entityType !== "organization").every((r) => r.attempts > 0),
    );
    expect(failed.every((r) => r.appliedAt === null || r.entityType === "organization")).toBe(true);
    expect(failed.find((r) => r.entityType === "brand")!.lastError).toMatch(/127\.0\.0\.1:1|connect|ECONNREFUSED/i);
    const failure = log.lines().find((l) => l.msg === "graph_projection_failed");
    expect(failure).toMatchObject({ entity: expect.any(String), id: expect.any(String), attempts: expect.any(Number), error: expect.any(String) });
    expect(await down.metrics.getSingleMetricAsString("mobius_graph_sync_projection_failures_total")).toMatch(/entity="brand"} [1-9]/);
    const status = await readSyncStatus(down.prisma);
    expect(status.failedEvents).toBeGreaterThan(0);
    expect(status.lastError).not.toBeNull();

    const back = open({ config: { graphSync: fastRetries } });
    await drainUntilApplied(back.sync.drainer!, back.prisma, scope.eventIds);
    expect(await readGraphSlice(back.graph!, scope)).toEqual(await expectedGraphSlice(back.prisma, scope));
  });

  it("returns from a write that waits for the graph once the wait times out, with a warning", async () => {
    const scope = newScope();
    const log = capturedLogger();
    const down = open({ config: { graphSync: fastRetries }, neo4jUri: UNREACHABLE_NEO4J, logger: log.logger });
    const writes = syncedWrites(down, scope, { waitForGraph: true });

    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id });

    expect(await down.prisma.brand.findUnique({ where: { id: brand.id } })).not.toBeNull();
    expect(log.lines().filter((l) => l.msg === "graph_sync_wait_timeout")).toHaveLength(1);
  });
});

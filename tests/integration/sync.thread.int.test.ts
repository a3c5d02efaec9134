// The drainer in its own thread, as the gateway process runs it: the same projections, the
// read-your-writes wait answered across the thread, its metrics in the gateway's registry, and a
// thread that dies started again without losing what was handed to it meanwhile.
import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import type { DrainerThread } from "../../src/sync/drainerThread.ts";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { eventually, outboxRows } from "../support/outbox.ts";
import { newScope, syncedWrites, uniqueHex } from "../support/syncedWrites.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";

const opened: TestDeps[] = [];
afterEach(async () => {
  for (const deps of opened.splice(0)) await deps.close();
});

const fastRetries = { ...loadConfig({ GRAPH_SYNC_WAIT_TIMEOUT_MS: "20000" }).graphSync, retryBaseMs: 50, retryMaxMs: 200 };

/** Each thread of this process by id, with its nice value (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of fs.readdirSync("/proc/self/task")) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return nices;
}

async function seriesValue(deps: TestDeps, name: string, suffix = ""): Promise<number> {
  const metric = await deps.metrics.getSingleMetric(name)!.get();
  return metric.values.filter((v) => (v as { metricName?: string }).metricName?.endsWith(suffix) ?? suffix === "").reduce((sum, v) => sum + v.value, 0);
}

describe("the drainer in its own thread", () => {
  it("runs at GRAPH_SYNC_NICE, below the request handlers: its own thread is lowered and no other thread of the process", async () => {
    const before = threadNices();
    const deps = createTestDeps({ drainerThread: true, config: { graphSync: { ...fastRetries, nice: 7 } } });
    opened.push(deps);
    const scope = newScope();
    // Applied, so the thread is up and has run a pass.
    await syncedWrites(deps, scope, { waitForGraph: true }).createOrganization();
    expect((await outboxRows(deps.prisma, scope.eventIds)).every((row) => row.appliedAt !== null)).toBe(true);

    const after = threadNices();
    const lowered = [...after].filter(([, nice]) => nice === 7).map(([tid]) => tid);
    expect(lowered).toHaveLength(1);
    expect(before.has(lowered[0]!)).toBe(false);
    for (const [tid, nice] of before) if (after.has(tid)) expect(after.get(tid)).toBe(nice);
  });


  it("projects every entity with read-your-writes, and reports passes, events and statements to the gateway's metrics", async () => {
    const statements: string[] = [];
    const deps = createTestDeps({ drainerThread: true, config: { graphSync: fastRetries }, onQuery: (sql) => statements.push(sql) });
    opened.push(deps);
    const scope = newScope();
    const writes = syncedWrites(deps, scope, { waitForGraph: true });
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id, colors: [{ hex: uniqueHex(scope), name: "a" }, { hex: uniqueHex(scope), name: "b" }] });
    const asset = await writes.createAsset({ brandId: brand.id, complianceScore: 0.8, colors: [{ hex: uniqueHex(scope), coverage: 0.5 }] });
    await writes.recordFeedback({ assetId: asset.id, action: "approve" });
    await writes.updateBrand(brand.id, { name: "renamed" });

    // Each write returned only once the thread had applied it.
    expect((await outboxRows(deps.prisma, scope.eventIds)).every((row) => row.appliedAt !== null)).toBe(true);
    expect(await readGraphSlice(deps.graph!, scope)).toEqual(await expectedGraphSlice(deps.prisma, scope));
    expect(await seriesValue(deps, "mobius_graph_sync_projected_events_total")).toBeGreaterThanOrEqual(scope.eventIds.length);
    expect(await seriesValue(deps, "mobius_graph_sync_projection_duration_seconds", "_count")).toBeGreaterThan(0);
    // The thread's statements are told to the main thread's hook, as its own are.
    expect(statements.some((sql) => sql.includes("claimPendingEvents"))).toBe(true);
    // A pass asked for by hand runs in the thread too; nothing is left to claim.
    expect(await deps.sync.drainer!.drainOnce(scope.eventIds)).toMatchObject({ claimed: 0, applied: 0, failed: 0 });
  });

  it("is started again when it dies, and what was committed meanwhile still reaches the graph", async () => {
    const databaseUrl = await createIsolatedDatabase("drainer_thread");
    const deps = createTestDeps({ drainerThread: true, poll: true, databaseUrl, config: { graphSync: { ...fastRetries, pollIntervalMs: 200 } } });
    opened.push(deps);
    const scope = newScope();
    const org = await syncedWrites(deps, scope).createOrganization();
    const drainer = deps.sync.drainer as DrainerThread;
    const first = drainer.worker;
    await first.terminate();
    // Committed while no thread runs: the wake goes nowhere, the restarted thread's poll finds it.
    const brand = await syncedWrites(deps, scope).createBrand({ organizationId: org.id, colors: [{ hex: uniqueHex(scope), name: "after" }] });
    await eventually(() => outboxRows(deps.prisma, brand.eventIds), (rows) => rows.every((row) => row.appliedAt !== null));
    expect(drainer.worker).not.toBe(first);
    expect(await readGraphSlice(deps.graph!, scope)).toEqual(await expectedGraphSlice(deps.prisma, scope));
  });
});

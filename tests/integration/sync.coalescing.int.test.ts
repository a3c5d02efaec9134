// The drainer's coalescing window: a burst of mutations shares a few projections instead of one
// each, and a lone mutation is projected at once rather than after the window.
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { eventually, outboxRows } from "../support/outbox.ts";
import { newScope, syncedWrites, uniqueHex } from "../support/syncedWrites.ts";
import { createTestDeps, type TestDeps, type TestDepsOptions } from "../support/testDeps.ts";

const opened: TestDeps[] = [];
afterEach(async () => {
  for (const deps of opened.splice(0)) await deps.close();
});

function open(config: TestDepsOptions["config"]): TestDeps {
  const deps = createTestDeps({ config });
  opened.push(deps);
  return deps;
}

const withWindow = (coalesceMs: number) => open({ graphSync: { ...loadConfig({ GRAPH_SYNC_WAIT_TIMEOUT_MS: "20000" }).graphSync, coalesceMs } });

async function passCount(testDeps: TestDeps): Promise<number> {
  const histogram = await testDeps.metrics.getSingleMetric("mobius_graph_sync_projection_duration_seconds")!.get();
  const count = histogram.values.find((v) => (v as { metricName?: string }).metricName?.endsWith("_count"));
  return count?.value ?? 0;
}

describe("coalescing graph projections", () => {
  it("projects 30 mutations spread over about two seconds in at most three passes, and the graph equals Postgres", async () => {
    // One after another with pauses, not concurrently: without the window each finds the drainer
    // idle and gets a pass of its own.
    const deps = withWindow(3_000);
    const scope = newScope();
    const writes = syncedWrites(deps, scope);
    // Warm (connections, plans) and outside the window, so the passes counted are the burst's.
    const org = await writes.createOrganization();
    await syncedWrites(deps, scope, { waitForGraph: true }).createBrand({ organizationId: org.id, colors: [{ hex: uniqueHex(scope) }] });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const before = await passCount(deps);
    for (let i = 0; i < 30; i++) {
      await writes.createBrand({ organizationId: org.id, colors: [{ hex: uniqueHex(scope), name: "burst" }] });
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await eventually(
      () => outboxRows(deps.prisma, scope.eventIds),
      (rows) => rows.every((row) => row.appliedAt !== null),
    );
    expect((await passCount(deps)) - before).toBeLessThanOrEqual(3);
    expect(await readGraphSlice(deps.graph!, scope)).toEqual(await expectedGraphSlice(deps.prisma, scope));
  });

  it("does not hold a lone mutation back for the window", { timeout: 40_000 }, async () => {
    // A window far longer than the read-your-writes timeout: had the pass waited for it, the
    // write below would return unapplied. Its organization comes from a process without sync,
    // so the brand is this drainer's first pass.
    const deps = withWindow(120_000);
    const scope = newScope();
    const org = await syncedWrites(open({ graphSyncEnabled: false }), scope).createOrganization();
    const brand = await syncedWrites(deps, scope, { waitForGraph: true }).createBrand({ organizationId: org.id, colors: [{ hex: uniqueHex(scope), name: "lone" }] });
    expect((await outboxRows(deps.prisma, brand.eventIds)).map((row) => row.appliedAt !== null)).toEqual([true]);
  });
});

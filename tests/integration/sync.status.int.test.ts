// What an operator and a client see of the sync: the syncStatus query, the metrics registry, and
// the per-request choice to wait for the graph.
import { afterEach, describe, expect, it } from "vitest";
import { Access } from "../../src/auth/access.ts";
import { loadConfig, type Config } from "../../src/config/config.ts";
import { createContext } from "../../src/graphql/context.ts";
import { outboxRows } from "../support/outbox.ts";
import { newScope, syncedWrites } from "../support/syncedWrites.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const STATUS = `{ syncStatus { enabled pendingEvents oldestPendingAgeSeconds failedEvents lastError lastAppliedAt } }`;
let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe("syncStatus", () => {
  // The kill switch's view of it is in sync.resilience.int.test.ts, beside the only polling drainer.
  it("reports the sync enabled, and the time of the last applied event once one is projected", async () => {
    gateway = await startTestGateway();
    const writes = syncedWrites(gateway.deps, newScope(), { waitForGraph: true });
    const org = await writes.createOrganization();
    await writes.createBrand({ organizationId: org.id });

    const { data, errors } = await gateway.graphql(STATUS);

    expect(errors).toBeUndefined();
    expect(data.syncStatus).toMatchObject({ enabled: true, pendingEvents: expect.any(Number), failedEvents: expect.any(Number) });
    expect(Date.parse(data.syncStatus.lastAppliedAt)).not.toBeNaN();
  });
});

describe("metrics", () => {
  it("count projected events and expose the outbox gauges from the registry in deps", async () => {
    const deps = createTestDeps();
    try {
      const writes = syncedWrites(deps, newScope(), { waitForGraph: true });
      const org = await writes.createOrganization();
      await writes.createBrand({ organizationId: org.id });

      const text = await deps.metrics.metrics();

      expect(text).toMatch(/mobius_graph_sync_projected_events_total\{entity="brand"\} 1/);
      expect(text).toMatch(/mobius_graph_sync_pending_events \d+/);
      expect(text).toMatch(/mobius_graph_sync_oldest_pending_age_seconds [\d.]+/);
      expect(text).toMatch(/mobius_graph_sync_projection_duration_seconds_count [1-9]/);
    } finally {
      await deps.close();
    }
  });
});

describe("waiting for the graph", () => {
  const contextWith = (config: Partial<Config>, header?: string) => {
    const deps = createTestDeps({ config });
    const headers = header ? { "x-graph-sync": header } : {};
    const context = createContext(deps, { requestId: "r1", access: Access.unrestricted(), headers });
    return { waitForGraph: context.waitForGraph, close: () => deps.close() };
  };

  it("follows GRAPH_SYNC_WAIT unless the request's x-graph-sync header says otherwise", async () => {
    const defaults = loadConfig({}).graphSync;
    const cases = [
      contextWith({}),
      contextWith({}, "wait"),
      contextWith({ graphSync: { ...defaults, waitForGraph: true } }),
      contextWith({ graphSync: { ...defaults, waitForGraph: true } }, "async"),
    ];
    expect(cases.map((c) => c.waitForGraph)).toEqual([false, true, true, false]);
    for (const c of cases) await c.close();
  });

  it("has every event applied by the time a waiting write returns", async () => {
    const deps = createTestDeps();
    try {
      const scope = newScope();
      const writes = syncedWrites(deps, scope, { waitForGraph: true });
      const org = await writes.createOrganization();
      await writes.createBrand({ organizationId: org.id });

      expect((await outboxRows(deps.prisma, scope.eventIds)).map((e) => e.appliedAt !== null)).toEqual([true, true]);
    } finally {
      await deps.close();
    }
  });
});

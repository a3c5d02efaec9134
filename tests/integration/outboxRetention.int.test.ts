// Outbox retention deletes applied events past the window, and only those, while the sync keeps
// recording and applying new ones; unapplied events (however old, however often failed) stay.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { pruneApplied } from "../../src/outbox/pruneApplied.ts";
import { pruneStaleBookmarks } from "../../src/sync/causalBookmarks.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { eventually, outboxRows } from "../support/outbox.ts";
import { newScope, syncedWrites } from "../support/syncedWrites.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";

const opened: TestDeps[] = [];
afterEach(async () => {
  for (const deps of opened.splice(0)) await deps.close();
});

const ids = (rows: { id: bigint }[]) => rows.map((r) => String(r.id)).sort();

describe("outbox retention", () => {
  it("deletes the bookmark rows of drainers no causal read uses any more, and keeps the others", async () => {
    const databaseUrl = await createIsolatedDatabase("retention_bookmarks");
    const deps = createTestDeps({ databaseUrl });
    opened.push(deps);
    await deps.prisma.$executeRaw`
      INSERT INTO drainer_bookmarks (drainer_id, bookmarks, updated_at)
      VALUES ('gone', ARRAY['bm:gone'], now() - interval '2 hours'), ('live', ARRAY['bm:live'], now() - interval '5 minutes')`;
    expect(await pruneStaleBookmarks(deps.sql)).toBe(1);
    expect(await deps.prisma.$queryRaw`SELECT drainer_id FROM drainer_bookmarks`).toEqual([{ drainer_id: "live" }]);
  });

  it("deletes exactly the applied events past the window while the sync runs", async () => {
    const databaseUrl = await createIsolatedDatabase("retention");
    const deps = createTestDeps({ databaseUrl, poll: true });
    opened.push(deps);
    const writes = syncedWrites(deps, newScope());
    const org = await writes.createOrganization();
    const written = [];
    for (let i = 0; i < 12; i++) written.push(await writes.createBrand({ organizationId: org.id }));
    const eventIds = written.flatMap((w) => w.eventIds);
    await eventually(() => outboxRows(deps.prisma, eventIds), (rows) => rows.every((r) => r.appliedAt !== null));

    // Half of them applied two hours ago; one event the graph never got, a month old and failing.
    const old = eventIds.filter((_, i) => i % 2 === 0);
    await deps.prisma.$executeRaw`UPDATE sync_events SET applied_at = now() - interval '2 hours' WHERE id = ANY(${old.map(String)}::bigint[])`;
    const [deadLetter] = await deps.prisma.$queryRaw<{ id: bigint }[]>`
      INSERT INTO sync_events (entity_type, entity_id, operation, created_at, attempts, next_attempt_at, last_error)
      VALUES ('brand', ${randomUUID()}, 'upsert', now() - interval '30 days', 9, now() + interval '1 day', 'still failing')
      RETURNING id`;
    const before = ids(await deps.prisma.syncEvent.findMany({ select: { id: true } }));

    // Mutations keep committing (and the drainer applying) while retention prunes, three rows a batch.
    let writing = true;
    const during: bigint[] = [];
    const load = (async () => {
      while (writing) during.push(...(await writes.createBrand({ organizationId: org.id })).eventIds);
    })();
    const deleted = await pruneApplied(deps.sql, { retentionSeconds: 3600, batchSize: 3, pauseMs: 50 });
    writing = false;
    await load;
    await eventually(() => outboxRows(deps.prisma, during), (rows) => rows.every((r) => r.appliedAt !== null));

    expect(deleted).toBe(old.length);
    const after = ids(await deps.prisma.syncEvent.findMany({ select: { id: true } }));
    expect(after).toEqual([...before.filter((id) => !old.map(String).includes(id)), ...during.map(String)].sort());
    expect(after).toContain(String(deadLetter!.id));
    expect(during.length).toBeGreaterThan(0);
  }, 120_000);

  it("reports the outbox table's size and the pruned events as metrics", async () => {
    const deps = createTestDeps();
    opened.push(deps);
    const text = await deps.metrics.metrics();
    expect(text).toMatch(/^mobius_outbox_rows_estimate \d/m);
    expect(text).toMatch(/^mobius_outbox_table_bytes [1-9]\d*/m);
    expect(text).toMatch(/^mobius_outbox_pruned_events_total 0/m);
    expect(text).toMatch(/^mobius_graph_sync_oldest_pending_age_seconds \d/m);
  });
});

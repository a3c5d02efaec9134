// The outbox statements every write and every drainer pass run are prepared once per connection
// (rawSql.ts), and Postgres keeps a prepared statement's plan until the table is next analyzed. A
// connection that planned them while the outbox was small kept sequential scans and read the whole
// outbox on every write and pass as it grew: 8–13 ms and ~1,000 pages a write in the benchmarks
// (docs/sync.md). They read their own rows through indexes however much the outbox grew since.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimEvents } from "../../src/outbox/claimEvents.ts";
import { readRecordedEvents } from "../../src/outbox/readRecordedEvents.ts";
import { markApplied } from "../../src/outbox/settleEvents.ts";
import type { Postgres } from "../../src/postgres/createPrisma.ts";
import type { RawSql } from "../../src/postgres/rawSql.ts";
import { inPassTransaction } from "../../src/sync/drainPass.ts";
import { openIsolatedDatabase } from "../support/isolatedDatabase.ts";

const GROWN_BY = 60_000;
/**
 * Heap pages a statement reads through an index here: its own rows, and the dead versions of the
 * events applied before it that no scan has yet marked dead. A scan of the grown outbox reads 900+.
 */
const FEW_PAGES = 20;
/** Postgres plans a parameterized prepared statement afresh for its first five runs, then may keep a generic plan. */
const PLANNED_RUNS = 8;

// One connection: every transaction below reuses the statements it prepared in the first.
let database: Awaited<ReturnType<typeof openIsolatedDatabase>>;
let postgres: Postgres;
let psql: pg.Client;
beforeAll(async () => {
  database = await openIsolatedDatabase("outbox_plans");
  ({ postgres, client: psql } = database);
});
afterAll(() => database?.close());

const transaction = <T>(work: (tx: RawSql) => Promise<T>) => postgres.sql.transaction(work, { idleTimeoutMs: 10_000 });

const insertOrganization = (tx: RawSql) => tx.$executeRaw`INSERT INTO organizations (id, name, updated_at) VALUES (${randomUUID()}, 'Planned', now())`;

/** Heap pages of sync_events this transaction has read so far. */
async function outboxPagesRead(tx: RawSql): Promise<number> {
  const [row] = await tx.$queryRaw<{ pages: bigint }[]>`SELECT pg_stat_get_xact_blocks_fetched('sync_events'::regclass) AS pages`;
  return Number(row!.pages);
}

/** What `read` cost in heap pages of sync_events, and what it answered. */
async function pagesOf<T>(tx: RawSql, read: () => Promise<T>): Promise<{ pages: number; result: T }> {
  const before = await outboxPagesRead(tx);
  const result = await read();
  return { pages: (await outboxPagesRead(tx)) - before, result };
}

/** A drainer pass's outbox statements for the pending events, without a graph to write (organizations have no node). */
const pass = () =>
  inPassTransaction(postgres.sql, async (tx) => {
    const claimed = await pagesOf(tx, () => claimEvents(tx, { limit: 100 }));
    const ids = claimed.result.map((e) => e.id);
    const marked = await pagesOf(tx, () => markApplied(tx, ids, { drainerId: "outbox-plans", bookmarks: [] }));
    return { ids, claimPages: claimed.pages, markPages: marked.pages };
  });

describe("the outbox's statements on a connection that prepared them while the outbox was small", () => {
  it("read a write's own events, and claim and mark them applied, through indexes after the outbox grew", async () => {
    for (let run = 0; run < PLANNED_RUNS; run++) {
      const recorded = await transaction(async (tx) => (await insertOrganization(tx), readRecordedEvents(tx)));
      expect((await pass()).ids).toEqual(recorded);
    }

    await psql.query(
      `INSERT INTO sync_events (entity_type, entity_id, operation, applied_at, applied_seq)
       SELECT 'brand', 'grown-' || n, 'update', now(), nextval('sync_events_applied_seq') FROM generate_series(1, $1::int) AS n`,
      [GROWN_BY],
    );
    const { rows } = await psql.query<{ pages: string }>("SELECT pg_relation_size('sync_events') / current_setting('block_size')::int AS pages");
    expect(Number(rows[0]!.pages)).toBeGreaterThan(40 * FEW_PAGES);

    const recorded = await transaction(async (tx) => {
      await insertOrganization(tx);
      return pagesOf(tx, () => readRecordedEvents(tx));
    });
    expect(recorded.result).toHaveLength(1);
    expect(recorded.pages).toBeLessThanOrEqual(FEW_PAGES);

    const drained = await pass();
    expect(drained.ids).toEqual(recorded.result);
    expect(drained.claimPages).toBeLessThanOrEqual(FEW_PAGES);
    expect(drained.markPages).toBeLessThanOrEqual(FEW_PAGES);
  });
});

// What the capture triggers cost a bulk write: the same statement timed with capture on and with
// the triggers disabled, in alternating pairs, each in a transaction rolled back afterwards so every
// run starts from the same table. The two statements the CDC issue names: an INSERT … SELECT of new
// brands (one outbox event each, the worst case: a child table's rows share their parent's event)
// and an UPDATE touching brands that already exist.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { median, round } from "./support/stats.ts";

export interface CaptureOverheadOptions {
  readonly databaseUrl: string;
  readonly insertedRows: number;
  readonly updatedBrands: number;
  readonly reps: number;
}

export interface StatementOverhead {
  readonly onMs: number;
  readonly offMs: number;
  readonly ratio: number;
}

export interface CaptureOverhead {
  readonly insert: StatementOverhead;
  readonly update: StatementOverhead;
}


export async function measureCaptureOverhead(options: CaptureOverheadOptions): Promise<CaptureOverhead> {
  const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "bench capture overhead" });
  await client.connect();
  const organization = `bench-capture-${randomUUID()}`;
  try {
    // The brands the UPDATE touches, loaded with capture paused: the bench measures, it does not sync.
    await client.query("BEGIN");
    await client.query("SET LOCAL mobius.capture = off");
    await client.query("INSERT INTO organizations (id, name, updated_at) VALUES ($1, 'bench capture overhead', now())", [organization]);
    await client.query(
      `INSERT INTO brands (id, organization_id, name, updated_at)
       SELECT $1 || '-' || g, $1, 'brand ' || g, now() FROM generate_series(1, $2::int) g`,
      [organization, options.updatedBrands],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE brands");

    const insert = `INSERT INTO brands (id, organization_id, name, updated_at)
      SELECT $1 || '-new-' || g, $1, 'new brand ' || g, now() FROM generate_series(1, ${options.insertedRows}) g`;
    const update = "UPDATE brands SET name = name || ' renamed', updated_at = now() WHERE organization_id = $1";
    // Unmeasured: the first call of each trigger function in a session compiles it and plans its
    // statements, which would land on the first "on" run alone.
    await timeRolledBack(client, insert, organization, "on");
    await timeRolledBack(client, update, organization, "on");
    const timings = { insert: { on: [] as number[], off: [] as number[] }, update: { on: [] as number[], off: [] as number[] } };
    for (let rep = 0; rep < options.reps; rep++) {
      for (const capture of ["on", "off"] as const) {
        timings.insert[capture].push(await timeRolledBack(client, insert, organization, capture));
        timings.update[capture].push(await timeRolledBack(client, update, organization, capture));
      }
    }
    const overhead = (t: { on: number[]; off: number[] }): StatementOverhead => {
      const [onMs, offMs] = [median(t.on), median(t.off)];
      return { onMs: round(onMs, 1), offMs: round(offMs, 1), ratio: round(onMs / offMs, 2) };
    };
    return { insert: overhead(timings.insert), update: overhead(timings.update) };
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.query("SET mobius.capture = off");
    await client.query("DELETE FROM organizations WHERE id = $1", [organization]).catch(() => {});
    await client.end();
  }
}

/** The statement's time alone, its transaction rolled back; "off": no trigger fires at all. */
async function timeRolledBack(client: pg.Client, sql: string, organization: string, capture: "on" | "off"): Promise<number> {
  await client.query("BEGIN");
  try {
    if (capture === "off") {
      await client.query("ALTER TABLE brands DISABLE TRIGGER USER");
    }
    const started = performance.now();
    await client.query(sql, [organization]);
    return performance.now() - started;
  } finally {
    await client.query("ROLLBACK");
  }
}

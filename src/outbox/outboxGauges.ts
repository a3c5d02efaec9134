// The outbox table's size, read at scrape time: what retention keeps bounded. From the catalog
// (planner estimate and bytes on disk), never count(*), which reads the whole table.
import { Counter, Gauge, type Registry } from "prom-client";
import type { Sql } from "../postgres/createPrisma.ts";

export function registerOutboxGauges(registry: Registry, sql: Sql): Counter {
  const read = async () => {
    const [row] = await sql
      .rows<{ rows: number; bytes: string }>(
        `/* readOutboxSize */ SELECT greatest(reltuples, 0)::float8 AS rows, pg_total_relation_size(oid) AS bytes
           FROM pg_class WHERE oid = 'sync_events'::regclass`,
        [],
      )
      .catch(() => []);
    return row ? { rows: row.rows, bytes: Number(row.bytes) } : null;
  };
  new Gauge({
    name: "mobius_outbox_rows_estimate",
    help: "Rows in the outbox table, applied and pending (the planner's estimate)",
    registers: [registry],
    async collect() {
      const size = await read();
      if (size) this.set(size.rows);
    },
  });
  new Gauge({
    name: "mobius_outbox_table_bytes",
    help: "The outbox table's size on disk, with its indexes",
    registers: [registry],
    async collect() {
      const size = await read();
      if (size) this.set(size.bytes);
    },
  });
  return new Counter({
    name: "mobius_outbox_pruned_events_total",
    help: "Applied outbox events deleted by retention",
    registers: [registry],
  });
}

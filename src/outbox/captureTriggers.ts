// The capture triggers (prisma/migrations/20261205000000_capture_by_triggers) as the gateway sees
// them: the channel they NOTIFY on, and whether every one of them exists and is enabled, which
// /ready checks. A missing or disabled trigger means writes reach Postgres and never the graph.
import type { PrismaClient } from "../postgres/createPrisma.ts";

/** Where every statement that records outbox events NOTIFYs, delivered at its commit. */
export const RECORDED_CHANNEL = "mobius_sync_recorded";

/** Table → its capture triggers (an insert, an update and a delete trigger each). */
const CAPTURED_TABLES = ["organizations", "brands", "brand_colors", "assets", "asset_colors", "feedback", "templates"] as const;
const EXPECTED = CAPTURED_TABLES.flatMap((table) => ["inserts", "updates", "deletes"].map((op) => ({ table, name: `capture_${table}_${op}` })));

export type CaptureState = { readonly ready: true } | { readonly ready: false; readonly reason: string };

export async function readCaptureState(prisma: PrismaClient): Promise<CaptureState> {
  const rows = await prisma.$queryRaw<{ table: string; name: string; enabled: string }[]>`
    /* readCaptureTriggers */
    SELECT c.relname::text AS "table", t.tgname::text AS name, t.tgenabled::text AS enabled
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND t.tgname LIKE 'capture\\_%' AND c.relnamespace = current_schema()::regnamespace`;
  const found = new Map(rows.map((r) => [`${r.table}.${r.name}`, r.enabled]));
  const missing = EXPECTED.filter((t) => !found.has(`${t.table}.${t.name}`));
  // tgenabled 'D': ALTER TABLE … DISABLE TRIGGER. 'O', 'A' and 'R' all fire for the gateway's sessions.
  const disabled = EXPECTED.filter((t) => found.get(`${t.table}.${t.name}`) === "D");
  if (missing.length > 0) {
    return { ready: false, reason: `capture triggers missing (writes would never reach the graph; run the migrations): ${missing.map((t) => `${t.name} on ${t.table}`).join(", ")}` };
  }
  if (disabled.length > 0) {
    const list = disabled.map((t) => `${t.name} on ${t.table}`).join(", ");
    return { ready: false, reason: `capture triggers disabled (writes do not reach the graph; ALTER TABLE … ENABLE TRIGGER, then backfill what was written meanwhile): ${list}` };
  }
  return { ready: true };
}

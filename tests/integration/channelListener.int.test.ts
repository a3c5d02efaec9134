// The LISTEN connection as a place to read: a statement run through `rows` runs on that connection
// (not a pooled one), with its own statement limit; while the connection is down `rows` rejects at
// once, and once it reconnected it reads again.
import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../src/observability/createLogger.ts";
import { startChannelListener, type ChannelListener } from "../../src/postgres/channelListener.ts";
import { eventually } from "../support/outbox.ts";
import { workerStack } from "../support/workerStack.ts";

const NAME = "mobius-listener-test";
let admin: pg.Client;
let listener: ChannelListener | undefined;
let connects = 0;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: workerStack().databaseUrl });
  await admin.connect();
});
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});
afterAll(async () => {
  await admin?.end();
});

async function start(): Promise<ChannelListener> {
  connects = 0;
  listener = startChannelListener({
    databaseUrl: workerStack().databaseUrl,
    channel: "mobius_listener_test",
    name: NAME,
    logger: createLogger("silent"),
    onNotification() {},
    onConnected: () => connects++,
  });
  await eventually(async () => listener!.connected, Boolean);
  return listener;
}

it("runs a statement on the listening connection, under its name and statement limit", async () => {
  const on = await start();
  const [row] = await on.rows<{ name: string; listening: boolean; limit: string }>(
    `SELECT current_setting('application_name') AS name, 'mobius_listener_test' = ANY (ARRAY(SELECT pg_listening_channels())) AS listening,
            current_setting('statement_timeout') AS "limit"`,
    [],
  );
  expect(row).toEqual({ name: NAME, listening: true, limit: "30s" });
});

it("rejects while its connection is down, and reads again once it reconnected", async () => {
  const on = await start();
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [NAME]);
  await eventually(async () => on.connected, (connected) => !connected);
  await expect(on.rows(`SELECT 1`, [])).rejects.toThrow(`listener ${NAME} is not connected`);

  await eventually(async () => on.connected, Boolean);
  expect(connects).toBe(2);
  expect(await on.rows<{ one: number }>(`SELECT 1 AS one`, [])).toEqual([{ one: 1 }]);
});

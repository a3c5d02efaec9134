// One dedicated Postgres connection that LISTENs on a channel: what the subscriptions' feed of
// applied events and the drainer's wake-up on recorded events both run. Should the connection fail,
// it reconnects with backoff, and on every (re)connect `onConnected` lets the caller catch up on
// whatever was notified while it was away (a notification is never replayed). What a notification
// asks to be read can be read on the same connection (`rows`), so it never waits behind requests for
// a pooled one.
import pg from "pg";
import type { Logger } from "pino";
import { timedQuery, type OnQuery } from "./rawSql.ts";

export interface ChannelListenerOptions {
  readonly databaseUrl: string;
  readonly channel: string;
  /** How the connection shows in pg_stat_activity, and in the log lines. */
  readonly name: string;
  readonly logger: Logger;
  /** Called with every statement `rows` runs, as the pool's statements are (metrics). */
  readonly onQuery?: OnQuery;
  onNotification(payload: string | undefined): void;
  onConnected(): void;
}

export interface ChannelListener {
  /** Whether the LISTEN connection is up now. */
  readonly connected: boolean;
  /** Runs a statement on the listening connection; rejects while it is not connected. */
  rows<Row>(text: string, values: readonly unknown[]): Promise<Row[]>;
  stop(): Promise<void>;
}

const RETRY_BASE_MS = 250;
const RETRY_MAX_MS = 10_000;
/** A statement on the listening connection that runs longer is cancelled by Postgres, so it cannot hold up what is read next. */
const STATEMENT_TIMEOUT_MS = 30_000;

export function startChannelListener(options: ChannelListenerOptions): ChannelListener {
  const { databaseUrl, channel, name, logger } = options;
  let client: pg.Client | null = null;
  let connected = false;
  let stopped = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    retryTimer = null;
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl, keepAlive: true, application_name: name, statement_timeout: STATEMENT_TIMEOUT_MS });
    client = next;
    // Keep-alive so a connection silently dropped by the network is noticed, not listened on forever.
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next, new Error("connection ended")));
    next.on("notification", (message) => {
      if (message.channel === channel) options.onNotification(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      return lost(next, error as Error);
    }
    if (stopped || client !== next) return;
    connected = true;
    if (failures > 0) logger.info({ attempts: failures, listener: name }, "listener reconnected");
    failures = 0;
    options.onConnected();
  }

  function lost(which: pg.Client, error: Error): void {
    if (client !== which) return;
    client = null;
    connected = false;
    which.removeAllListeners("notification");
    which.end().catch(() => {});
    if (stopped) return;
    failures += 1;
    const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
    logger.warn({ err: error, retryInMs: delay, listener: name }, "listener lost its connection");
    retryTimer = setTimeout(() => void connect(), delay);
    retryTimer.unref();
  }

  void connect();
  return {
    get connected() {
      return connected;
    },
    async rows<Row>(text: string, values: readonly unknown[]) {
      if (!connected || !client) throw new Error(`listener ${name} is not connected`);
      return (await timedQuery(client, { text, values: [...values] }, options.onQuery)).rows as Row[];
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      connected = false;
      await current?.end().catch(() => {});
    },
  };
}

// One dedicated Postgres connection per gateway process that LISTENs for applied events (the
// drainers NOTIFY in markApplied, see settleEvents.ts): the fan-out across replicas, with no broker
// beyond the database they already share. Its payload is only the newest applied position; the feed
// reads the events themselves. Should the connection fail, it reconnects with backoff, and on every
// (re)connect `onConnected` lets the feed catch up on whatever was applied while it was away.
import pg from "pg";
import type { Logger } from "pino";
import { APPLIED_CHANNEL } from "../outbox/settleEvents.ts";

export interface AppliedListenerHandlers {
  onApplied(seq: bigint): void;
  onConnected(): void;
}

export interface AppliedListener {
  /** Whether the LISTEN connection is up now. */
  readonly connected: boolean;
  stop(): Promise<void>;
}

/** How the connection shows in pg_stat_activity. */
export const LISTENER_NAME = "mobius-subscriptions";

const RETRY_BASE_MS = 250;
const RETRY_MAX_MS = 10_000;

export function startAppliedListener(databaseUrl: string, logger: Logger, handlers: AppliedListenerHandlers): AppliedListener {
  let client: pg.Client | null = null;
  let connected = false;
  let stopped = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    retryTimer = null;
    if (stopped) return;
    const next = new pg.Client({ connectionString: databaseUrl, keepAlive: true, application_name: LISTENER_NAME });
    client = next;
    // Keep-alive so a connection silently dropped by the network is noticed, not listened on forever.
    next.on("error", (error) => lost(next, error));
    next.on("end", () => lost(next, new Error("connection ended")));
    next.on("notification", (message) => {
      if (message.channel !== APPLIED_CHANNEL || !message.payload) return;
      if (/^\d+$/.test(message.payload)) handlers.onApplied(BigInt(message.payload));
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${APPLIED_CHANNEL}`);
    } catch (error) {
      return lost(next, error as Error);
    }
    if (stopped || client !== next) return;
    connected = true;
    if (failures > 0) logger.info({ attempts: failures }, "subscriptions listener reconnected");
    failures = 0;
    handlers.onConnected();
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
    logger.warn({ err: error, retryInMs: delay }, "subscriptions listener lost its connection");
    retryTimer = setTimeout(() => void connect(), delay);
    retryTimer.unref();
  }

  void connect();
  return {
    get connected() {
      return connected;
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

// One dedicated Postgres connection per gateway process that LISTENs for applied events (the
// drainers NOTIFY in markApplied, see settleEvents.ts): the fan-out across replicas, with no broker
// beyond the database they already share. Its payload is only the newest applied position; the feed
// reads the events themselves, on this same connection. On every (re)connect `onConnected` lets the
// feed catch up on whatever was applied while it was away.
import type { Logger } from "pino";
import { APPLIED_CHANNEL } from "../outbox/settleEvents.ts";
import { startChannelListener, type ChannelListener } from "../postgres/channelListener.ts";
import type { OnQuery } from "../postgres/rawSql.ts";

export interface AppliedListenerHandlers {
  onApplied(seq: bigint): void;
  onConnected(): void;
}

export type AppliedListener = ChannelListener;

/** How the connection shows in pg_stat_activity. */
export const LISTENER_NAME = "mobius-subscriptions";

export function startAppliedListener(databaseUrl: string, logger: Logger, handlers: AppliedListenerHandlers, onQuery?: OnQuery): AppliedListener {
  return startChannelListener({
    databaseUrl,
    channel: APPLIED_CHANNEL,
    name: LISTENER_NAME,
    logger,
    onQuery,
    onNotification(payload) {
      if (payload && /^\d+$/.test(payload)) handlers.onApplied(BigInt(payload));
    },
    onConnected: handlers.onConnected,
  });
}

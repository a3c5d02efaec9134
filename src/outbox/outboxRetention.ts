// Runs pruneApplied in the background of every gateway process: once soon after start, then every
// interval. Each replica runs it; their batches skip each other's rows. The same job deletes the
// bookmark rows of drainers long gone (causalBookmarks.ts), which each process start adds one of.
import type { Logger } from "pino";
import type { Counter } from "prom-client";
import type { OutboxRetentionSettings } from "../config/config.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import { pruneStaleBookmarks } from "../sync/causalBookmarks.ts";
import { pruneApplied } from "./pruneApplied.ts";

export interface OutboxRetention {
  /** Waits for a prune in flight to stop at its next batch. */
  stop(): Promise<void>;
}

export function startOutboxRetention(
  deps: { readonly sql: Sql; readonly logger: Logger; readonly pruned: Pick<Counter, "inc"> },
  settings: OutboxRetentionSettings,
): OutboxRetention {
  const abort = new AbortController();
  let running: Promise<void> | null = null;
  const prune = () => {
    if (running) return;
    running = pruneApplied(deps.sql, { ...settings, signal: abort.signal })
      .then(async (n) => {
        await pruneStaleBookmarks(deps.sql);
        deps.pruned.inc(n);
        if (n > 0) deps.logger.info({ events: n, retentionSeconds: settings.retentionSeconds }, "outbox_pruned");
      })
      // Postgres away: the next interval tries again; nothing is lost by pruning late.
      .catch((error: Error) => deps.logger.warn({ err: error }, "outbox_prune_failed"))
      .finally(() => (running = null));
  };
  const first = setTimeout(prune, Math.min(settings.intervalMs, 5_000));
  const every = setInterval(prune, settings.intervalMs);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      abort.abort();
      await running;
    },
  };
}

// Read-your-writes for a mutation: wait until the graph has applied its outbox events. Whichever
// drainer applies them (this process's, in or out of its thread, or another process's), the
// outbox row says so; a pass ending here is only the cue to look again early.
import type { Sql } from "../postgres/createPrisma.ts";
import { countUnapplied } from "../outbox/settleEvents.ts";

/** A waiter rechecks when this process finishes a pass; this only catches other processes' passes. */
const WAIT_POLL_MS = 100;

/** Told when this process's drainer ends a pass. */
export interface PassSignal {
  notify(): void;
  /** Resolves at the next pass's end, or after `ms`. */
  next(ms: number): Promise<void>;
}

export function createPassSignal(): PassSignal {
  const waiters = new Set<() => void>();
  return {
    notify() {
      for (const wake of waiters) wake();
    },
    next(ms) {
      return new Promise<void>((resolve) => {
        // A pass's end cancels the timer: one left behind per recheck would keep the process alive
        // for up to WAIT_POLL_MS after the wait, e.g. at shutdown.
        const timer = setTimeout(() => done(), ms);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        waiters.add(done);
      });
    },
  };
}

/** True once every event is applied (by any process), false at the timeout. */
export async function waitUntilApplied(sql: Sql, passes: PassSignal, eventIds: readonly bigint[], timeoutMs: number): Promise<boolean> {
  if (eventIds.length === 0) return true;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await countUnapplied(sql, eventIds)) === 0) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await passes.next(Math.min(WAIT_POLL_MS, left));
  }
}

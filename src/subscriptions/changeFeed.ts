// A process's feed of applied changes: told by the listener how far the outbox has been applied,
// it reads the new events once (however many subscribers) and hands each to the subscribers of its
// organization. A subscriber given a resume position first replays the events after it from the
// outbox, while live ones wait in its queue; both carry their position, so the seam has no gap and
// no repeat. With no subscriber the feed reads nothing, only remembers the position.
import type { Logger } from "pino";
import type { Sql } from "../postgres/createPrisma.ts";
import { readAppliedAfter, readLatestSeq, readOrganizationAppliedAfter, type AppliedEvent } from "./appliedEvents.ts";
import { startAppliedListener, type AppliedListener } from "./appliedListener.ts";
import { subscriberQueue, type SubscriberQueue } from "./subscriberQueue.ts";

export interface SubscribeOptions {
  /** Only this organization's events; null: every organization's (authentication off). */
  readonly organizationId: string | null;
  /** Only the events this accepts (e.g. one brand's). */
  readonly accept?: (event: AppliedEvent) => boolean;
  /** Replay the events applied after this position first. */
  readonly after?: bigint;
}

export interface ChangeFeed {
  subscribe(options: SubscribeOptions): AsyncIterableIterator<AppliedEvent>;
  /** Subscriptions open in this process (the leak test and the gauge read it). */
  subscriberCount(): number;
  /** Resolves once the listener is connected and the starting position read. */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

const PAGE = 1_000;

export interface ChangeFeedDeps {
  readonly sql: Sql;
  readonly logger: Logger;
  /** Where the listener connects (its own connection, outside the pool). */
  readonly databaseUrl: string;
}

interface Subscriber {
  readonly options: SubscribeOptions;
  readonly queue: SubscriberQueue;
}

export function createChangeFeed({ sql, logger, databaseUrl }: ChangeFeedDeps): ChangeFeed {
  const subscribers = new Set<Subscriber>();
  /** The same subscribers by the organization they are told of (null: every one's), so an event is offered to its own organization's only. */
  const byOrganization = new Map<string | null, Set<Subscriber>>();
  /** Everything at or before this position has been handed out (or skipped with no one listening). */
  let position: bigint | null = null;
  let target = 0n;
  let pumping: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let markReady: () => void;
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));

  const listener: AppliedListener = startAppliedListener(databaseUrl, logger, {
    onApplied(seq) {
      if (seq > target) target = seq;
      pump();
    },
    onConnected() {
      // Whatever was applied while the listener was away (or before it first connected).
      void readLatestSeq(sql)
        .then((latest) => {
          if (position === null) position = latest;
          if (latest > target) target = latest;
          markReady();
          pump();
        })
        .catch((error: Error) => logger.warn({ err: error }, "subscriptions feed could not read the outbox position"));
    },
  });

  function pump(): void {
    if (pumping) {
      again = true;
      return;
    }
    pumping = (async () => {
      try {
        do {
          again = false;
          await deliverUpTo();
        } while (again && !stopped);
      } catch (error) {
        // Left at the last delivered position: the next notification (or reconnect) reads on from it.
        logger.warn({ err: error }, "subscriptions feed could not read applied events");
      } finally {
        pumping = null;
      }
    })();
  }

  async function deliverUpTo(): Promise<void> {
    while (position !== null && position < target && !stopped) {
      if (subscribers.size === 0) {
        position = target;
        return;
      }
      const events = await readAppliedAfter(sql, position, PAGE);
      const everyOrganization = byOrganization.get(null);
      for (const event of events) {
        const own = event.organizationId === null ? undefined : byOrganization.get(event.organizationId);
        for (const group of [own, everyOrganization]) {
          if (group) for (const { options, queue } of group) if (wants(options, event)) queue.push(event);
        }
      }
      // A short page read everything committed, which includes all up to target (a notification is
      // sent at commit, the position read after it); rows of no organization are skipped over too.
      const last = events.at(-1)?.seq ?? position;
      position = events.length === PAGE || last > target ? last : target;
    }
  }

  return {
    subscribe(options) {
      const entry: Subscriber = {
        options,
        queue: subscriberQueue(() => {
          subscribers.delete(entry);
          const group = byOrganization.get(options.organizationId);
          group?.delete(entry);
          if (group?.size === 0) byOrganization.delete(options.organizationId);
        }),
      };
      subscribers.add(entry);
      const group = byOrganization.get(options.organizationId) ?? new Set<Subscriber>();
      byOrganization.set(options.organizationId, group.add(entry));
      if (options.after !== undefined) replay(options, entry.queue);
      return entry.queue.iterator;
    },
    subscriberCount: () => subscribers.size,
    ready: () => readyPromise,
    async stop() {
      stopped = true;
      await listener.stop();
      for (const { queue } of subscribers) queue.end();
      subscribers.clear();
      byOrganization.clear();
      await pumping;
    },
  };

  /** Pages of the organization's events after the resume position, ahead of the live ones queued meanwhile. */
  function replay(options: SubscribeOptions, queue: SubscriberQueue): void {
    queue.holdLive();
    void (async () => {
      let from = options.after!;
      for (;;) {
        const events = await readOrganizationAppliedAfter(sql, options.organizationId, from, PAGE);
        for (const event of events) if (wants(options, event)) queue.pushReplayed(event);
        if (events.length < PAGE) break;
        from = events.at(-1)!.seq;
      }
      queue.releaseLive();
    })().catch((error: Error) => {
      logger.warn({ err: error }, "subscription replay failed");
      queue.fail(error);
    });
  }
}

function wants({ organizationId, accept }: SubscribeOptions, event: AppliedEvent): boolean {
  return (organizationId === null || event.organizationId === organizationId) && (accept?.(event) ?? true);
}

// A process's feed of applied changes: told by the listener how far the outbox has been applied,
// it reads the new events once (however many subscribers), on the listener's own connection so live
// updates never wait behind requests for a pooled one, and hands each to the subscribers of its
// organization that watch it. Subscribers are kept by organization and watched entity, so an event
// costs a few map lookups, not a call per subscriber. A subscriber given a resume position first
// replays the events after it from the outbox, while live ones wait in its queue; both carry their
// position, so the seam has no gap and no repeat. With no subscriber the feed reads nothing, only
// remembers the position.
import type { Logger } from "pino";
import type { EntityKind } from "../outbox/entityChange.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { OnQuery } from "../postgres/rawSql.ts";
import { readAppliedAfter, readLatestSeq, readOrganizationAppliedAfter, type AppliedEvent } from "./appliedEvents.ts";
import { startAppliedListener, type AppliedListener } from "./appliedListener.ts";
import { subscriberQueue, type SubscriberQueue } from "./subscriberQueue.ts";

export interface SubscribeOptions {
  /** Only this organization's events; null: every organization's (authentication off). */
  readonly organizationId: string | null;
  /** Only this entity's events (e.g. one brand's); absent: every entity's. */
  readonly entity?: { readonly kind: EntityKind; readonly id: string };
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
  /** Called with every statement the listener's connection runs, as with the pool's. */
  readonly onQuery?: OnQuery;
  /** How the feed listens; a test wraps it to interleave a commit with the feed's read. */
  readonly startListener?: typeof startAppliedListener;
}

/** Where a subscriber is kept: the organization it is told of (null: every one's) and the entity it watches ("*": every one). */
type Watch = readonly [organization: string | null, entity: string];
const EVERY_ENTITY = "*";
const entityKey = (kind: EntityKind, id: string): string => `${kind}:${id}`;
const watchOf = ({ organizationId, entity }: SubscribeOptions): Watch => [organizationId, entity ? entityKey(entity.kind, entity.id) : EVERY_ENTITY];
/** The entity keys under which an event's watchers are kept, live and in a replay alike. */
const watchedAs = (event: AppliedEvent): readonly string[] => [EVERY_ENTITY, entityKey(event.entity, event.entityId)];

export function createChangeFeed({ sql, logger, databaseUrl, onQuery, startListener = startAppliedListener }: ChangeFeedDeps): ChangeFeed {
  const queues = new Set<SubscriberQueue>();
  const watchers = new Map<string | null, Map<string, Set<SubscriberQueue>>>();
  /** Everything at or before this position has been handed out (or skipped with no one listening). */
  let position: bigint | null = null;
  let target = 0n;
  let pumping: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let markReady: () => void;
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));

  const listener: AppliedListener = startListener(databaseUrl, logger, {
    onApplied(seq) {
      if (seq > target) target = seq;
      pump();
    },
    onConnected() {
      // Whatever was applied while the listener was away (or before it first connected).
      void readLatestSeq(listener)
        .then((latest) => {
          if (position === null) position = latest;
          if (latest > target) target = latest;
          markReady();
          pump();
        })
        .catch((error: Error) => logger.warn({ err: error }, "subscriptions feed could not read the outbox position"));
    },
  }, onQuery);

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
        // Stopping ends the connection a read may be waiting on: no warning for that.
        if (!stopped) logger.warn({ err: error }, "subscriptions feed could not read applied events");
      } finally {
        pumping = null;
      }
    })();
  }

  async function deliverUpTo(): Promise<void> {
    while (position !== null && position < target && !stopped) {
      if (queues.size === 0) {
        position = target;
        return;
      }
      // Told before this read began, so its snapshot holds everything up to here. A notification
      // handled while the read runs may announce a commit the read cannot see: the next round reads it.
      const announced = target;
      const events = await readAppliedAfter(listener, position, PAGE);
      for (const event of events) {
        for (const organization of [event.organizationId, null]) {
          const byEntity = watchers.get(organization);
          if (!byEntity) continue;
          for (const entity of watchedAs(event)) for (const queue of byEntity.get(entity) ?? []) queue.push(event);
        }
      }
      // A short page read everything committed before it began, which includes all up to what was
      // announced then; rows of no organization are skipped over too.
      const last = events.at(-1)?.seq ?? position;
      position = events.length === PAGE || last > announced ? last : announced;
    }
  }

  return {
    subscribe(options) {
      const watch = watchOf(options);
      const queue = subscriberQueue(() => unwatch(watch, queue));
      queues.add(queue);
      const byEntity = watchers.get(watch[0]) ?? new Map<string, Set<SubscriberQueue>>();
      watchers.set(watch[0], byEntity);
      byEntity.set(watch[1], (byEntity.get(watch[1]) ?? new Set()).add(queue));
      if (options.after !== undefined) replay(watch, options.after, queue);
      return queue.iterator;
    },
    subscriberCount: () => queues.size,
    ready: () => readyPromise,
    async stop() {
      stopped = true;
      await listener.stop();
      for (const queue of queues) queue.end();
      queues.clear();
      watchers.clear();
      await pumping;
    },
  };

  function unwatch([organization, entity]: Watch, queue: SubscriberQueue): void {
    queues.delete(queue);
    const byEntity = watchers.get(organization);
    const group = byEntity?.get(entity);
    group?.delete(queue);
    if (group?.size === 0) byEntity!.delete(entity);
    if (byEntity?.size === 0) watchers.delete(organization);
  }

  /** Pages of the organization's events after the resume position, ahead of the live ones queued meanwhile. */
  function replay([organization, entity]: Watch, after: bigint, queue: SubscriberQueue): void {
    queue.holdLive();
    void (async () => {
      let from = after;
      for (;;) {
        const events = await readOrganizationAppliedAfter(sql, organization, from, PAGE);
        for (const event of events) if (watchedAs(event).includes(entity)) queue.pushReplayed(event);
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

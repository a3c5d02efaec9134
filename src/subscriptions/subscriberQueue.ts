// One subscription's queue of events, as the async iterator graphql-ws consumes. Written by hand,
// not as an async generator: a generator suspended in `await` cannot run its `finally` until the
// next event arrives, so a client that leaves a quiet subscription would stay registered until then.
// Here return() unregisters at once, which is what keeps 1,000 abrupt disconnects from leaking.
//
// While a resuming subscription replays from the outbox, live events wait (holdLive); each event
// carries its position, and only events after the last one handed out pass, so the seam between the
// replay and the live stream neither skips nor repeats an event.
import type { AppliedEvent } from "./appliedEvents.ts";

export interface SubscriberQueue {
  readonly iterator: AsyncIterableIterator<AppliedEvent>;
  push(event: AppliedEvent): void;
  holdLive(): void;
  pushReplayed(event: AppliedEvent): void;
  releaseLive(): void;
  fail(error: Error): void;
  end(): void;
}

/** A subscriber this far behind is ended with an error rather than hold memory without bound. */
const MAX_QUEUED = 10_000;

export function subscriberQueue(unregister: () => void): SubscriberQueue {
  const queued: AppliedEvent[] = [];
  let held: AppliedEvent[] | null = null;
  let handedOut = -1n;
  let waiting: { resolve: (result: IteratorResult<AppliedEvent>) => void; reject: (error: Error) => void } | null = null;
  let failure: Error | null = null;
  let done = false;

  function finish(): void {
    if (done) return;
    done = true;
    unregister();
    queued.length = 0;
    held = null;
    waiting?.resolve({ value: undefined, done: true });
    waiting = null;
  }

  function enqueue(event: AppliedEvent): void {
    if (done || event.seq <= handedOut) return;
    handedOut = event.seq;
    if (waiting) {
      const { resolve } = waiting;
      waiting = null;
      return resolve({ value: event, done: false });
    }
    queued.push(event);
    if (queued.length > MAX_QUEUED) fail(new Error("this subscriber fell too far behind; resubscribe with after"));
  }

  function fail(error: Error): void {
    if (done) return;
    if (waiting) {
      // A pending next() must settle: it rejects, which graphql-ws reports as the subscription's error.
      const { reject } = waiting;
      waiting = null;
      reject(error);
    } else {
      failure = error;
    }
    finish();
  }

  const iterator: AsyncIterableIterator<AppliedEvent> = {
    next() {
      if (queued.length > 0) return Promise.resolve({ value: queued.shift()!, done: false });
      if (failure) {
        const error = failure;
        failure = null;
        return Promise.reject(error);
      }
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };

  return {
    iterator,
    push(event) {
      if (held) held.push(event);
      else enqueue(event);
    },
    holdLive() {
      held ??= [];
    },
    pushReplayed: enqueue,
    releaseLive() {
      const live = held ?? [];
      held = null;
      for (const event of live) enqueue(event);
    },
    fail,
    end: finish,
  };
}

import { describe, expect, it } from "vitest";
import type { AppliedEvent } from "./appliedEvents.ts";
import { subscriberQueue } from "./subscriberQueue.ts";

const event = (seq: number): AppliedEvent => ({
  seq: BigInt(seq),
  id: BigInt(seq + 100),
  entity: "brand",
  entityId: `brand-${seq}`,
  operation: "upsert",
  organizationId: "org",
  appliedAt: new Date(0),
});
const seqs = async (iterator: AsyncIterator<AppliedEvent>, n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Number((await iterator.next()).value.seq));
  return out;
};

describe("subscriberQueue", () => {
  it("unregisters at return() even while a next() is waiting, and settles that next() as done", async () => {
    let unregistered = 0;
    const queue = subscriberQueue(() => unregistered++);
    const pending = queue.iterator.next();
    await queue.iterator.return!();
    expect(unregistered).toBe(1);
    expect(await pending).toEqual({ value: undefined, done: true });
    queue.push(event(1));
    expect(await queue.iterator.next()).toEqual({ value: undefined, done: true });
  });

  it("sends the replay first, then the live events held meanwhile, each position once", async () => {
    const queue = subscriberQueue(() => {});
    queue.holdLive();
    queue.push(event(3));
    queue.push(event(4));
    for (const seq of [1, 2, 3]) queue.pushReplayed(event(seq));
    queue.releaseLive();
    queue.push(event(4));
    queue.push(event(5));
    expect(await seqs(queue.iterator, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("rejects the waiting next() with the failure and unregisters", async () => {
    let unregistered = 0;
    const queue = subscriberQueue(() => unregistered++);
    const pending = queue.iterator.next();
    queue.fail(new Error("replay failed"));
    await expect(pending).rejects.toThrow("replay failed");
    expect(unregistered).toBe(1);
  });
});

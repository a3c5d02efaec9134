import { describe, expect, it } from "vitest";
import { startPaced } from "../../bench/support/pacedLoad.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a paced load", () => {
  it("starts calls on schedule however long each takes, and stop() waits for the unfinished ones", async () => {
    const started: number[] = [];
    let finished = 0;
    const t0 = performance.now();
    // Each call takes 200 ms; at 50 a second a closed loop of one would manage 5.
    const stop = startPaced(50, async () => {
      started.push(performance.now() - t0);
      await sleep(200);
      finished++;
    });
    await sleep(500);
    // One call every 20 ms, counted against the time that really passed (a busy machine fires late).
    const due = Math.floor((performance.now() - t0) / 20) + 1;
    await stop();
    expect(started.length).toBeGreaterThanOrEqual(due - 2);
    expect(started.length).toBeLessThanOrEqual(due + 1);
    expect(finished).toBe(started.length);
  });

  it("keeps at most 16 calls unfinished: a stalled server is not flooded", async () => {
    let unfinished = 0;
    let most = 0;
    const stop = startPaced(1000, async () => {
      most = Math.max(most, ++unfinished);
      await sleep(100);
      unfinished--;
    });
    await sleep(300);
    await stop();
    expect(most).toBe(16);
  });

  it("stops at a failed call and stop() rejects with its error", async () => {
    let calls = 0;
    const stop = startPaced(100, async (i) => {
      calls++;
      if (i === 2) throw new Error("the gateway answered 500");
    });
    await sleep(200);
    const callsAtFailure = calls;
    await expect(stop()).rejects.toThrow("the gateway answered 500");
    expect(callsAtFailure).toBeLessThanOrEqual(4);
  });
});

import { describe, expect, it } from "vitest";
import { limitConcurrency } from "./limitConcurrency.ts";

/** A task that finishes when told to, recording when it started. */
function controllable(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: async () => (log.push(`start ${name}`), await done, name), finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("limitConcurrency", () => {
  it("runs at most the limit at once and starts the waiting ones in order as others finish", async () => {
    const log: string[] = [];
    const run = limitConcurrency(2);
    const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => controllable(log, n));
    const results = [a, b, c, d].map((t) => run(t!.task));
    await tick();
    expect(log).toEqual(["start a", "start b"]);
    b!.finish();
    await tick();
    expect(log).toEqual(["start a", "start b", "start c"]);
    a!.finish();
    c!.finish();
    d!.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
    expect(log).toEqual(["start a", "start b", "start c", "start d"]);
  });

  it("frees the slot of a task that fails", async () => {
    const run = limitConcurrency(1);
    await expect(run(() => Promise.reject(new Error("bad image")))).rejects.toThrow("bad image");
    expect(await run(async () => "next")).toBe("next");
  });
});

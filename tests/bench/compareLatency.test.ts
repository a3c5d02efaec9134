import { describe, expect, it } from "vitest";
import { compareLatency } from "../../bench/support/measureLatency.ts";

describe("compareLatency", () => {
  it("gives the paths of a round different inputs, every input to every path alike, and rotates who goes first", async () => {
    const calls: { path: string; input: number }[] = [];
    const recorder = (path: string) => async (input: number) => void calls.push({ path, input });
    const inputs = [0, 1, 2, 3, 4, 5];

    const latency = await compareLatency(inputs, { a: recorder("a"), b: recorder("b"), c: recorder("c") }, { iterations: 6, warmup: 2 });

    expect(Object.values(latency).map((l) => l.samples)).toEqual([6, 6, 6]);
    const rounds = Array.from({ length: 8 }, (_, r) => calls.slice(r * 3, r * 3 + 3));
    for (const round of rounds) expect(new Set(round.map((call) => call.input)).size).toBe(3);
    expect(rounds.map((round) => round[0]!.path)).toEqual(["a", "b", "c", "a", "b", "c", "a", "b"]);
    const timed = calls.slice(2 * 3);
    for (const path of ["a", "b", "c"]) {
      expect(timed.filter((call) => call.path === path).map((call) => call.input).sort()).toEqual(inputs);
    }
  });
});

import { describe, expect, it } from "vitest";
import { pairRatios } from "../../bench/support/stats.ts";

describe("pairRatios", () => {
  it("divides each adjacent pair's on phase by its off phase, whichever came first", () => {
    const phases = [
      { on: true, perSecond: 90 },
      { on: false, perSecond: 100 },
      { on: false, perSecond: 50 },
      { on: true, perSecond: 40 },
    ];
    expect(pairRatios(phases, (p) => p.on)).toEqual([0.9, 0.8]);
  });
});

import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/domain/seededRandom.ts";
import { colorDraw, NEUTRALS } from "../../bench/dataset/colorPopularity.ts";

const pool = Array.from({ length: 500 }, (_, i) => `#${i.toString(16).padStart(6, "0")}`);
const countDraws = (draw: () => string, times: number) => {
  const counts = new Map<string, number>();
  for (let i = 0; i < times; i++) {
    const hex = draw();
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return counts;
};

describe("colorDraw", () => {
  it("draws every color of the pool about as often under uniform, and adds no neutrals", () => {
    const draw = colorDraw("uniform", pool, seededRandom(1));
    const counts = countDraws(draw.fromPool, 100_000);
    expect(counts.size).toBe(pool.length);
    expect(Math.max(...counts.values()) / Math.min(...counts.values())).toBeLessThan(2);
    expect(draw.paletteNeutrals()).toEqual([]);
  });

  it("draws rank r about 1/r as often as rank 1 under zipf", () => {
    const counts = countDraws(colorDraw("zipf", pool, seededRandom(2)).fromPool, 200_000);
    const first = counts.get(pool[0]!)!;
    expect(counts.get(pool[1]!)! / first).toBeCloseTo(1 / 2, 1);
    expect(counts.get(pool[9]!)! / first).toBeCloseTo(1 / 10, 1);
    expect(counts.get(pool[499]!) ?? 0).toBeLessThan(first / 100);
  });

  it("puts each neutral in its share of palettes under zipf", () => {
    const draw = colorDraw("zipf", pool, seededRandom(3));
    const palettes = 20_000;
    const counts = countDraws(() => draw.paletteNeutrals().join(","), palettes);
    for (const { hex, paletteShare } of NEUTRALS) {
      const withIt = [...counts].filter(([neutrals]) => neutrals.split(",").includes(hex)).reduce((sum, [, n]) => sum + n, 0);
      expect(withIt / palettes).toBeCloseTo(paletteShare, 1);
    }
  });

  it("draws the same colors from the same seed", () => {
    const a = colorDraw("zipf", pool, seededRandom(4));
    const b = colorDraw("zipf", pool, seededRandom(4));
    expect(Array.from({ length: 50 }, a.fromPool)).toEqual(Array.from({ length: 50 }, b.fromPool));
  });
});

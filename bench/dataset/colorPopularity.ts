// How often each color of the pool is drawn into palettes and assets. `uniform` is every color alike
// (the data set of the earlier benchmarks). `zipf` is closer to real palettes: a few neutrals sit in a
// large share of all palettes (white in half of them: a supernode of the graph), and the rest of the
// pool falls off like a power law, rank r drawn with weight 1/r.

export type ColorPopularity = "uniform" | "zipf";
export const COLOR_POPULARITIES: readonly ColorPopularity[] = ["uniform", "zipf"];

/** The near-universal neutrals and the share of palettes each one is in, under `zipf`. */
export const NEUTRALS: ReadonlyArray<{ readonly hex: string; readonly paletteShare: number }> = [
  { hex: "#FFFFFF", paletteShare: 0.5 },
  { hex: "#000000", paletteShare: 0.4 },
  { hex: "#F5F5F5", paletteShare: 0.2 },
  { hex: "#1A1A1A", paletteShare: 0.15 },
  { hex: "#808080", paletteShare: 0.1 },
];

const ZIPF_EXPONENT = 1;

export interface ColorDraw {
  /** One color of the pool, drawn by its popularity. */
  fromPool(): string;
  /** The colors a new palette starts with before its own draws (the neutrals it happens to have). */
  paletteNeutrals(): string[];
}

export function colorDraw(popularity: ColorPopularity, pool: readonly string[], random: () => number): ColorDraw {
  if (popularity === "uniform") {
    return { fromPool: () => pool[Math.floor(random() * pool.length)]!, paletteNeutrals: () => [] };
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= pool.length; rank++) cumulative.push((total += 1 / rank ** ZIPF_EXPONENT));
  return {
    fromPool() {
      const target = random() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid]! < target) low = mid + 1;
        else high = mid;
      }
      return pool[low]!;
    },
    paletteNeutrals: () => NEUTRALS.filter((neutral) => random() < neutral.paletteShare).map((neutral) => neutral.hex),
  };
}

export function isColorPopularity(name: string): name is ColorPopularity {
  return (COLOR_POPULARITIES as readonly string[]).includes(name);
}

// The benchmark's data sets. Every brand belongs to an organization whose "theme" (a run of
// neighbouring colors in the shared pool) supplies most of its palette, so palettes overlap across
// organizations the way real ones do and similarBrands and colorPairings have real work to do.

export interface DatasetPreset {
  readonly organizations: number;
  readonly brandsPerOrganization: number;
  /** Size of the shared color pool every palette draws from. */
  readonly colorPool: number;
  /** Inclusive bounds of a brand's palette size. */
  readonly paletteSize: readonly [number, number];
  readonly assetsPerBrand: number;
  /** Inclusive bounds of how many colors one asset uses. */
  readonly assetColors: readonly [number, number];
  /** Share of assets that received feedback, and of that feedback the share approving. */
  readonly feedbackShare: number;
  readonly approveShare: number;
  readonly templatesPerBrand: number;
}

/** The relationship-query issue's world: 10,000 brands, 100,000 assets of 3–5 colors each. */
const medium: DatasetPreset = {
  organizations: 1_000, brandsPerOrganization: 10, colorPool: 500, paletteSize: [4, 8], assetsPerBrand: 10,
  assetColors: [3, 5], feedbackShare: 0.4, approveShare: 0.7, templatesPerBrand: 2,
};

export const PRESETS = {
  /** The smoke run: every suite's code path in seconds. */
  tiny: { ...medium, organizations: 4, brandsPerOrganization: 5, colorPool: 40, assetsPerBrand: 4, assetColors: [1, 3], feedbackShare: 0.5, templatesPerBrand: 1 },
  /** A demo-sized world that a laptop loads in seconds. */
  small: { ...medium, organizations: 100 },
  medium,
  // The seed plan's free tier in the graph: ≈ 200,500 nodes (10k Brand, 150k Asset, 40k Template, 500
  // Color) and ≈ 450,000 relationships (60k OWNS_COLOR, 150k GENERATED_ASSET, 150k USES_COLOR, 40k
  // HAS_TEMPLATE, 20k BASED_ON_ASSET, 30k RECEIVED_FEEDBACK).
  free: { ...medium, assetsPerBrand: 15, assetColors: [0, 2], feedbackShare: 0.2, templatesPerBrand: 4 },
  // Ten times the free tier, where users grow to: ≈ 2,005,000 nodes (100k Brand, 1.5M Asset, 400k
  // Template, 5,000 Color) and ≈ 4,500,000 relationships, over a pool of colors ten times larger.
  large: { ...medium, organizations: 10_000, colorPool: 5_000, assetsPerBrand: 15, assetColors: [0, 2], feedbackShare: 0.2, templatesPerBrand: 4 },
} satisfies Record<string, DatasetPreset>;

export type PresetName = keyof typeof PRESETS;

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

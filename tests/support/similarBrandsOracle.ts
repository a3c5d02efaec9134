// The defined semantics of Brand.similarBrands, computed from palettes in the test: brands of other
// organizations sharing at least minSharedColors colors, by Jaccard score, ties by the shared count
// (more first) then brand id; the shared colors in hex order.
import type { SimilarBrandMatch } from "../../src/relationships/similarBrands.ts";

export interface PaletteOf {
  readonly id: string;
  readonly organizationId: string;
  readonly palette: readonly string[];
}

export type OracleMatch = Omit<SimilarBrandMatch, "similarBrandName">;

export function similarBrandsOracle(brands: readonly PaletteOf[], asked: PaletteOf, minSharedColors: number, limit: number): OracleMatch[] {
  if (asked.palette.length < minSharedColors) return [];
  return brands
    .filter((b) => b.organizationId !== asked.organizationId)
    .map((b) => {
      const sharedColors = b.palette.filter((hex) => asked.palette.includes(hex)).sort();
      const shared = sharedColors.length;
      const similarityScore = shared / (asked.palette.length + b.palette.length - shared);
      return { brandId: asked.id, similarBrandId: b.id, sharedColors, sharedColorCount: shared, similarityScore };
    })
    .filter((m) => m.sharedColorCount >= minSharedColors)
    .sort((x, y) => y.similarityScore - x.similarityScore || y.sharedColorCount - x.sharedColorCount || (x.similarBrandId < y.similarBrandId ? -1 : 1))
    .slice(0, limit);
}

/** Every brand's answer, in the order findSimilarBrands returns them (asked brand id ascending). */
export function everySimilarBrand(brands: readonly PaletteOf[], minSharedColors: number, limit: number): OracleMatch[] {
  return [...brands].sort((x, y) => (x.id < y.id ? -1 : 1)).flatMap((b) => similarBrandsOracle(brands, b, minSharedColors, limit));
}

export const withoutNames = (matches: readonly SimilarBrandMatch[]): OracleMatch[] => matches.map(({ similarBrandName: _, ...m }) => m);

// A brand against its industry's patterns: the one read GraphQL's Brand.industryPatterns and REST's
// /v1/brands/{id}/industry-patterns share. The brand is the caller's own (the callers check), so
// its palette is read from Postgres as any of its fields is.
import { industryName } from "../domain/industries.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Loaders } from "../stores/loaders.ts";
import { brandPatterns, type IndustryPattern, type PatternDistance } from "./industryReads.ts";

export interface BrandIndustryPatterns {
  readonly industry: { code: string; name: string } | null;
  readonly matched: IndustryPattern[];
  readonly nearest: PatternDistance[];
}

export async function brandIndustryPatterns(
  graph: GraphConnection | null,
  loaders: Loaders,
  k: number,
  brand: { id: string; industry: string | null },
  limit: number,
): Promise<BrandIndustryPatterns> {
  if (brand.industry === null) return { industry: null, matched: [], nearest: [] };
  const palette = (await loaders.colorsByBrand.load(brand.id)).map((c) => c.hex);
  const { matched, nearest } = await brandPatterns(graph, k, brand.industry, palette, limit);
  return { industry: { code: brand.industry, name: industryName(brand.industry)! }, matched, nearest };
}

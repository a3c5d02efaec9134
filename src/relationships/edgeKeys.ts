// The per-request graph loaders' keys, arguments checked (BAD_USER_INPUT naming the bad one), so a
// field and a read-ahead of the same selection (askedEdges.ts) build the same key and share a load.
import { atLeastOne, boundedLimit } from "../domain/relationshipArgs.ts";
import type { EdgeKey } from "./graphLoaders.ts";
import type { ColorPairingsArgs } from "./colorPairings.ts";
import type { SimilarBrandsArgs } from "./similarBrands.ts";

export function similarBrandsKey(brandId: string, { minSharedColors, limit }: { minSharedColors?: unknown; limit?: unknown }): EdgeKey<SimilarBrandsArgs> {
  return { id: brandId, args: { minSharedColors: atLeastOne("minSharedColors", minSharedColors), limit: boundedLimit("limit", limit) } };
}

export function pairingsKey(hex: string, { minSamples, limit }: { minSamples?: unknown; limit?: unknown }): EdgeKey<ColorPairingsArgs> {
  return { id: hex, args: { minSamples: atLeastOne("minSamples", minSamples), limit: boundedLimit("limit", limit) } };
}

export const brandsKey = (hex: string): EdgeKey<object> => ({ id: hex, args: {} });

import { atLeastOne, boundedLimit } from "../../../domain/relationshipArgs.ts";
import type { EdgeKey } from "../../../graph/graphLoaders.ts";
import type { ColorPairingsArgs } from "../../../graph/queries/colorPairings.ts";

/** The loader key of Color.pairings, its arguments checked (BAD_USER_INPUT naming the bad one). */
export function pairingsKey(hex: string, { minSamples, limit }: { minSamples?: number | null; limit?: number | null }): EdgeKey<ColorPairingsArgs> {
  return { id: hex, args: { minSamples: atLeastOne("minSamples", minSamples), limit: boundedLimit("limit", limit) } };
}

/** The loader key of Color.brands. */
export const brandsKey = (hex: string): EdgeKey<object> => ({ id: hex, args: {} });

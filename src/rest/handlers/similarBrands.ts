import { atLeastOne, boundedLimit } from "../../domain/relationshipArgs.ts";
import { similarBrandsOf } from "../../relationships/relationshipReads.ts";
import { intParam } from "../intParam.ts";
import { requireVisibleBrand } from "../requireVisibleBrand.ts";
import type { RestRoute } from "../RestRoute.ts";

/**
 * GET /v1/brands/{brand_id}/similar?min_shared_colors=3&limit=5 — of another organization's
 * brands a caller learns only what this answers: id, name, shared colors and the score.
 */
export const similarBrands: RestRoute = {
  pattern: /^\/v1\/brands\/([^/]+)\/similar$/,
  async handle(request) {
    const { params: [brandId = ""], query, reads } = request;
    const minSharedColors = atLeastOne("min_shared_colors", intParam(query, "min_shared_colors", 3));
    const limit = boundedLimit("limit", intParam(query, "limit", 5));
    await requireVisibleBrand(request, brandId);
    const matches = await similarBrandsOf(reads, brandId, { minSharedColors, limit }, "fromGraph");
    return {
      brand_id: brandId,
      similar_brands: matches.map((m) => ({
        similar_brand_id: m.similarBrandId,
        similar_brand_name: m.similarBrandName,
        shared_colors: m.sharedColors,
        shared_color_count: m.sharedColorCount,
        similarity_score: m.similarityScore,
      })),
      count: matches.length,
    };
  },
};

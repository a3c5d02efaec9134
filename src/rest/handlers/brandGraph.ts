import { findBrandColors } from "../../relationships/brandColors.ts";
import { requireVisibleBrand } from "../requireVisibleBrand.ts";
import type { RestRoute } from "../RestRoute.ts";

/** GET /v1/brands/{brand_id}/graph: the brand's palette as the graph holds it. */
export const brandGraph: RestRoute = {
  pattern: /^\/v1\/brands\/([^/]+)\/graph$/,
  async handle(request) {
    const { params: [brandId = ""], graph } = request;
    await requireVisibleBrand(request, brandId);
    const colors = await findBrandColors(graph, brandId);
    return {
      brand_id: brandId,
      colors: colors.map((c) => ({ hex: c.hex, name: c.name, usage: c.usage, usage_weight: c.usageWeight, context: c.context })),
      relationships: { color_count: colors.length },
    };
  },
};

import { validHex } from "../../domain/relationshipArgs.ts";
import { colorOwnersOf } from "../../relationships/relationshipReads.ts";
import type { RestRoute } from "../RestRoute.ts";

/** GET /v1/colors/{hex}/brands: the caller's organization's brands using a color, by usage weight. */
export const colorBrands: RestRoute = {
  pattern: /^\/v1\/colors\/([^/]+)\/brands$/,
  async handle({ params: [rawHex = ""], reads }) {
    const hex = validHex("hex", rawHex);
    const owners = await colorOwnersOf(reads, hex, "fromGraph");
    return {
      color: hex,
      brands: owners.map((o) => ({ brand_id: o.brandId, brand_name: o.brandName, usage: o.usage, usage_weight: o.usageWeight })),
      brand_count: owners.length,
    };
  },
};

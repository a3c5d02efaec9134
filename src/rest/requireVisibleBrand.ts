import { notFound } from "../errors/codes.ts";
import { brandStore } from "../stores/brandStore.ts";
import type { RestRequest } from "./RestRoute.ts";

/**
 * A brand route answers only for the caller's own brands: another organization's brand is 404,
 * exactly like an unknown id. Unrestricted callers keep the seed plan's behaviour (the graph's
 * answer, whatever Postgres holds).
 */
export async function requireVisibleBrand({ sql, access }: RestRequest, brandId: string): Promise<void> {
  const scope = access.organizationScope;
  if (scope === null) return;
  const [brand] = await brandStore.rowsByIds(sql, [brandId], scope);
  if (!brand) throw notFound("Brand", brandId, "brand_id");
}

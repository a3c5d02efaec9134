import { notFound } from "../../errors/codes.ts";
import type { Brand } from "../../generated/prisma/client.ts";
import type { ByIdLookup } from "../../stores/loaders.ts";

/** The Postgres row behind a brand a graph row names (already known to exist: keepBrandsInPostgres). */
export async function postgresBrand(brandId: string, loader: ByIdLookup<Brand>): Promise<Brand> {
  const brand = await loader.load(brandId);
  if (!brand) throw notFound("Brand", brandId);
  return brand;
}

import { notFound } from "../../../errors/codes.ts";
import type { Brand } from "../../../generated/prisma/client.ts";
import type { GatewayContext } from "../../context.ts";

/** The Postgres row behind a brand a graph row names (already known to exist: keepBrandsInPostgres). */
export async function postgresBrand(brandId: string, { loaders }: GatewayContext): Promise<Brand> {
  const brand = await loaders.brandById.load(brandId);
  if (!brand) throw notFound("Brand", brandId);
  return brand;
}

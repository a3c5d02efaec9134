import type { Brand } from "../../../generated/prisma/client.ts";
import type { ByIdLookup } from "../../../postgres/loaders.ts";

/**
 * Drops graph rows naming a brand Postgres no longer has (the graph can lag a delete by a sync
 * cycle): Postgres is the truth, and every graph row's `brand` resolves to its Postgres row.
 * Loads through the request loader the later `brand` fields use, so they hit its cache; a scoped
 * loader (brandById) also drops other organizations' brands.
 */
export async function keepBrandsInPostgres<Row>(
  rows: Row[],
  brandIdOf: (row: Row) => string,
  loader: ByIdLookup<Brand>,
): Promise<Row[]> {
  const brands = await loader.loadMany(rows.map(brandIdOf));
  const failed = brands.find((brand) => brand instanceof Error);
  if (failed) throw failed;
  return rows.filter((_row, index) => brands[index] !== null);
}

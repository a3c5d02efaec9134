import type { Loaders } from "../../../postgres/loaders.ts";

/**
 * Drops graph rows naming a brand Postgres no longer has (the graph can lag a delete by a sync
 * cycle): Postgres is the truth, and every graph row's `brand` resolves to its Postgres row.
 * Loads through the request's brandById loader, so the later `brand` fields hit its cache.
 */
export async function keepBrandsInPostgres<Row>(rows: Row[], brandIdOf: (row: Row) => string, loaders: Loaders): Promise<Row[]> {
  const brands = await loaders.brandById.loadMany(rows.map(brandIdOf));
  const failed = brands.find((brand) => brand instanceof Error);
  if (failed) throw failed;
  return rows.filter((_row, index) => brands[index] !== null);
}

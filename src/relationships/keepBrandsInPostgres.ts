// Graph rows naming a brand Postgres no longer has are dropped: the graph can lag a delete by a sync
// cycle, and Postgres is the truth. When the rows show their brand by its id alone, the outbox's
// pending brand deletes (src/outbox/pendingDeletes.ts), read beside the graph statement, tell which of
// them Postgres has deleted; reading the named rows instead could only start after the graph
// answered. A selection asking anything more of the brand reads the rows, which its `brand` fields
// then take from the same request loader.
import type { Brand } from "../generated/prisma/client.ts";
import { graphStatementsSent } from "../graph/graphStatementsSent.ts";
import type { ByIdLookup, Loaders } from "../stores/loaders.ts";
import type { PendingDeletes } from "../outbox/pendingDeletes.ts";

export interface KeepBrands<Row> {
  readonly brandIdOf: (row: Row) => string;
  /** Nothing of the brand but its id is shown (brandIdsOnly.ts). */
  readonly onlyIds: boolean;
  readonly loaders: Pick<Loaders, "pendingDeletes">;
  /** The rows' brands otherwise; a scoped lookup (brandById) also drops other organizations' brands. */
  readonly rowsBy: ByIdLookup<Brand>;
}

/**
 * The pending brand deletes, read once the graph statement just started is on the wire. Started
 * by the root field beside the graph load, and found loading (the request's loader) by the field
 * that filters the graph's answer.
 */
export const pendingBrandDeletesBeside = (loaders: Pick<Loaders, "pendingDeletes">): Promise<PendingDeletes> =>
  graphStatementsSent().then(() => loaders.pendingDeletes.load("brand"));

/** The graph rows whose brand Postgres still has, in their order; a backlog of deletes reads the rows. */
export async function keepBrandsInPostgres<Row>(graphRows: Promise<Row[]>, { brandIdOf, onlyIds, loaders, rowsBy }: KeepBrands<Row>): Promise<Row[]> {
  const [rows, deleted] = await Promise.all([graphRows, onlyIds ? pendingBrandDeletesBeside(loaders) : null]);
  if (deleted) return rows.filter((row) => !deleted.has(brandIdOf(row)));
  const brands = await rowsBy.loadMany(rows.map(brandIdOf));
  const failed = brands.find((brand) => brand instanceof Error);
  if (failed) throw failed;
  return rows.filter((_row, index) => brands[index] !== null);
}

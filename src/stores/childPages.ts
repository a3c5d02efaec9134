// The same keyset page of many parents' children in one statement: a window per parent, so the
// brands of 100 organizations (or the feedback of 100 assets) cost one query rather than one each.
// Every child table has an index on (parent column, id), which the window reads in order.
import type { Page } from "../domain/pagination.ts";
import type { Sql } from "../postgres/createPrisma.ts";

export interface ChildTable {
  /** The statement's name, as it shows in pg_stat_statements and the logs. */
  readonly statement: string;
  readonly table: string;
  readonly parentColumn: string;
  /** The select list, column by column as Prisma names them, so a row equals what Prisma reads. */
  readonly columns: string;
}

/** first + 1 rows after the cursor of each parent, ordered by parent then id. */
export function pagesOfParents<Row>(sql: Sql, child: ChildTable, parentIds: readonly string[], page: Page): Promise<Row[]> {
  return sql.rows<Row>(
    `/* ${child.statement} */
     SELECT ${child.columns} FROM (
       SELECT c.*, row_number() OVER (PARTITION BY c.${child.parentColumn} ORDER BY c.id) AS position
       FROM ${child.table} c
       WHERE c.${child.parentColumn} = ANY($1::text[]) AND ($2::text IS NULL OR c.id > $2::text)
     ) ranked
     WHERE position <= $3
     ORDER BY ${child.parentColumn}, id`,
    [parentIds, page.afterId, page.first + 1],
  );
}

// The schema exactly as a client sees it (both halves, merged, with the graph half's Graph*
// renames and nullable roots), printed as SDL in a stable order: the committed contract file
// (contract/schema.graphql) is this text, so a frontend's codegen never needs a running server.
import { lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "../buildSchema.ts";

/** Built with no graph connection: the schema's shape does not depend on one. */
export async function printServedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildSchema(null)))}\n`;
}

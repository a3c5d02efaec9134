import neo4j from "neo4j-driver";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { GraphEntityKind } from "./backfillOptions.ts";
import { reconcileCypher as cypher } from "./reconcileCypher.ts";

const SCAN = {
  brand: cypher.scanBrandIds,
  asset: cypher.scanAssetIds,
  feedback: cypher.scanFeedbackIds,
  template: cypher.scanTemplateIds,
} satisfies Record<GraphEntityKind, string>;

/** One keyset page of the keys a label holds in the graph (see reconcileCypher.ts). */
export async function readGraphIds(
  graph: GraphConnection,
  kind: GraphEntityKind,
  page: { after: string; limit: number; organizationIds: readonly string[] | null },
): Promise<string[]> {
  const { records } = await graph.driver.executeQuery(
    SCAN[kind],
    { after: page.after, limit: neo4j.int(page.limit), orgs: page.organizationIds },
    { database: graph.database, routing: "READ" },
  );
  return records.map((r) => r.get("id") as string);
}

// The Neo4j half of a projection: one write transaction, in dependency order (brands and their
// palette, assets and their colors, feedback, templates, then the colors all of them touched).
// The driver retries the whole function on transient errors; every statement is idempotent.
import type { ManagedTransaction } from "neo4j-driver";
import type { GraphConnection } from "../../http/deps.ts";
import type { ColorState } from "./readColorState.ts";
import type { EntityState } from "./readEntityState.ts";
import { projectionCypher as cypher } from "./projectionCypher.ts";
import type { EntityRef } from "./entityRef.ts";

/** A ref whose parent node is not in the graph yet (its own event is still pending). */
export interface DeferredRef {
  readonly ref: EntityRef;
  readonly reason: string;
}

export async function readLinkedHexes(graph: GraphConnection, state: EntityState): Promise<string[]> {
  const { records } = await graph.driver.executeQuery(
    cypher.readLinkedHexes,
    {
      brandIds: [...state.brands.upsert.map((b) => b.brand_id), ...state.brands.delete],
      deletedBrandIds: state.brands.delete,
      assetIds: [...state.assets.upsert.map((a) => a.asset_id), ...state.assets.delete],
    },
    { database: graph.database, routing: "READ" },
  );
  return records[0]?.get("hexes") ?? [];
}

export async function writeGraph(
  graph: GraphConnection,
  state: EntityState,
  colors: readonly ColorState[],
): Promise<DeferredRef[]> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: "WRITE" });
  try {
    return await session.executeWrite(async (tx) => {
      const deferred: DeferredRef[] = [];
      await run(tx, cypher.deleteBrands, { ids: state.brands.delete });
      await upsert(tx, cypher.upsertBrands, state.brands.upsert, (b) => b.brand_id);
      await run(tx, cypher.deleteAssets, { ids: state.assets.delete });
      const assetsWritten = await upsert(tx, cypher.upsertAssets, state.assets.upsert, (a) => a.asset_id);
      for (const a of state.assets.upsert) {
        if (!assetsWritten.has(a.asset_id)) {
          deferred.push({ ref: { entity: "asset", id: a.asset_id }, reason: `brand ${a.brand_id} is not in the graph yet` });
        }
      }
      await run(tx, cypher.deleteFeedback, { ids: state.feedback.delete });
      const feedbackWritten = await upsert(tx, cypher.upsertFeedback, state.feedback.upsert, (f) => f.feedback_id);
      for (const f of state.feedback.upsert) {
        if (!feedbackWritten.has(f.feedback_id)) {
          deferred.push({ ref: { entity: "feedback", id: f.feedback_id }, reason: `asset ${f.asset_id} is not in the graph yet` });
        }
      }
      await run(tx, cypher.deleteTemplates, { ids: state.templates.delete });
      const templatesWritten = await upsert(tx, cypher.upsertTemplates, state.templates.upsert, (t) => t.template_id);
      for (const t of state.templates.upsert) {
        if (!templatesWritten.has(t.template_id)) {
          const parents = t.source_asset_id ? `brand ${t.brand_id} or asset ${t.source_asset_id}` : `brand ${t.brand_id}`;
          deferred.push({ ref: { entity: "template", id: t.template_id }, reason: `${parents} is not in the graph yet` });
        }
      }
      await run(tx, cypher.setColorNames, { rows: colors.filter((c) => c.used).map(({ hex, name }) => ({ hex, name })) });
      await run(tx, cypher.deleteUnusedColors, { hexes: colors.filter((c) => !c.used).map((c) => c.hex) });
      return deferred;
    });
  } finally {
    await session.close();
  }
}

async function run(tx: ManagedTransaction, statement: string, params: Record<string, unknown[]>) {
  if (Object.values(params).every((list) => list.length === 0)) return;
  await tx.run(statement, params);
}

async function upsert<T>(tx: ManagedTransaction, statement: string, rows: T[], idOf: (row: T) => string) {
  if (rows.length === 0) return new Set<string>();
  const result = await tx.run(statement, { rows });
  return new Set(result.records.map((r) => r.get("id") as string));
}

// The Neo4j half of a projection: one write transaction, in dependency order (brands and their
// palette, assets and their colors, feedback, templates, then the colors all of them touched).
// Not the driver's executeWrite: it retries an unreachable server for maxTransactionRetryTime while
// the drainer holds its Postgres transaction. Here only transient errors (deadlocks between
// concurrent projections) are retried at once; an outage fails fast and the outbox backoff retries.
import { Neo4jError, type Transaction } from "neo4j-driver";
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

/** Auto-commit, like the write below not retried by the driver: an outage fails the pass at once. */
export async function readLinkedHexes(graph: GraphConnection, state: EntityState): Promise<string[]> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: "READ" });
  try {
    const result = await session.run(cypher.readLinkedHexes, {
      brandIds: [...state.brands.upsert.map((b) => b.brand_id), ...state.brands.delete],
      deletedBrandIds: state.brands.delete,
      assetIds: [...state.assets.upsert.map((a) => a.asset_id), ...state.assets.delete],
    });
    return result.records[0]?.get("hexes") ?? [];
  } finally {
    await session.close();
  }
}

export async function writeGraph(
  graph: GraphConnection,
  state: EntityState,
  colors: readonly ColorState[],
): Promise<DeferredRef[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(graph, state, colors);
    } catch (error) {
      const transient = error instanceof Neo4jError && error.code.startsWith("Neo.TransientError.");
      if (!transient || attempt >= TRANSIENT_ATTEMPTS) throw error;
    }
  }
}

const TRANSIENT_ATTEMPTS = 3;

async function writeOnce(graph: GraphConnection, state: EntityState, colors: readonly ColorState[]): Promise<DeferredRef[]> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: "WRITE" });
  try {
    const tx = await session.beginTransaction();
    try {
      const deferred = await writeStatements(tx, state, colors);
      await tx.commit();
      return deferred;
    } finally {
      if (tx.isOpen()) await tx.rollback().catch(() => {});
    }
  } finally {
    await session.close();
  }
}

async function writeStatements(tx: Transaction, state: EntityState, colors: readonly ColorState[]): Promise<DeferredRef[]> {
  const deferred: DeferredRef[] = [];
  const deferMissing = <T>(rows: T[], written: Set<string>, ref: (row: T) => EntityRef, reason: (row: T) => string) => {
    for (const row of rows) if (!written.has(ref(row).id)) deferred.push({ ref: ref(row), reason: reason(row) });
  };
  await run(tx, cypher.deleteBrands, { ids: state.brands.delete });
  await upsert(tx, cypher.upsertBrands, state.brands.upsert);
  await run(tx, cypher.deleteAssets, { ids: state.assets.delete });
  deferMissing(
    state.assets.upsert,
    await upsert(tx, cypher.upsertAssets, state.assets.upsert),
    (a) => ({ entity: "asset", id: a.asset_id }),
    (a) => `brand ${a.brand_id} is not in the graph yet`,
  );
  await run(tx, cypher.deleteFeedback, { ids: state.feedback.delete });
  deferMissing(
    state.feedback.upsert,
    await upsert(tx, cypher.upsertFeedback, state.feedback.upsert),
    (f) => ({ entity: "feedback", id: f.feedback_id }),
    (f) => `asset ${f.asset_id} is not in the graph yet`,
  );
  await run(tx, cypher.deleteTemplates, { ids: state.templates.delete });
  deferMissing(
    state.templates.upsert,
    await upsert(tx, cypher.upsertTemplates, state.templates.upsert),
    (t) => ({ entity: "template", id: t.template_id }),
    (t) => `brand ${t.brand_id}${t.source_asset_id ? ` or asset ${t.source_asset_id}` : ""} is not in the graph yet`,
  );
  await run(tx, cypher.setColorNames, { rows: colors.filter((c) => c.used).map(({ hex, name }) => ({ hex, name })) });
  await run(tx, cypher.deleteUnusedColors, { hexes: colors.filter((c) => !c.used).map((c) => c.hex) });
  return deferred;
}

async function run(tx: Transaction, statement: string, params: Record<string, unknown[]>) {
  if (Object.values(params).every((list) => list.length === 0)) return;
  await tx.run(statement, params);
}

async function upsert(tx: Transaction, statement: string, rows: unknown[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await tx.run(statement, { rows });
  return new Set(result.records.map((r) => r.get("id") as string));
}

// The Neo4j half of a projection: one write transaction, in dependency order (brands and their
// palette and shape, assets and their colors, feedback, templates, then the colors all of them
// touched), with the color pair counts retracted first and re-asserted once assets and feedback are
// written, and last the colors whose owner counts crossed a common-color mark (paletteShapes.ts).
// An explicit transaction (explicitTransaction.ts): only transient errors (deadlocks between
// concurrent projections, a pair count changed under it by another's commit) are retried at once, the
// colors read again with it; an outage fails fast and the outbox backoff retries.
import type { Transaction } from "neo4j-driver";
import { inExplicitTransaction } from "../graph/explicitTransaction.ts";
import { ChangedUnderWrite, retryTransient } from "../graph/retryTransient.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { ColorState } from "./readColorState.ts";
import type { EntityState } from "./readEntityState.ts";
import { projectionCypher as cypher } from "./projectionCypher.ts";
import { pairedAssets } from "./colorPairCounts.ts";
import { commonColorMarks, type CommonColorMarks } from "./paletteShapes.ts";
import { traceCypher } from "../observability/traceStatements.ts";
import type { EntityRef } from "../outbox/entityRef.ts";

/** What one projection wrote: the refs it had to defer, and the bookmarks of its committed transaction. */
export interface GraphWrite {
  readonly deferred: DeferredRef[];
  /** Neo4j's bookmarks after the commit: a read opened with them sees this write on any cluster member. */
  readonly bookmarks: string[];
  /** Colors whose owner count crossed a common-color mark (settleCommonColors flips them). */
  readonly crossing: string[];
}

/** A ref whose parent node is not in the graph yet (its own event is still pending). */
export interface DeferredRef {
  readonly ref: EntityRef;
  readonly reason: string;
}

/** The colors the state's brands and assets link to in the graph now, read in the projection's own transaction. */
export async function readLinkedHexes(tx: Transaction, state: EntityState): Promise<string[]> {
  const result = await traceCypher("readLinkedHexes", cypher.readLinkedHexes, async () =>
    tx.run(cypher.readLinkedHexes, {
      brandIds: [...state.brands.upsert.map((b) => b.brand_id), ...state.brands.delete],
      deletedBrandIds: state.brands.delete,
      assetIds: [...state.assets.upsert.map((a) => a.asset_id), ...state.assets.delete],
    }),
  );
  return result.records[0]?.get("hexes") ?? [];
}

/**
 * The colors to write, read and locked in Postgres by the caller once the transaction is open, so a
 * projection that must first read the graph (which colors the entities link to now) does so in the
 * same Neo4j transaction as its write: one transaction a pass, not two.
 */
export type ColorsToWrite = (tx: Transaction) => Promise<readonly ColorState[]>;

export function writeGraph(graph: GraphConnection, state: EntityState, colors: ColorsToWrite): Promise<GraphWrite> {
  return retryTransient(TRANSIENT_ATTEMPTS, () => writeOnce(graph, state, colors));
}

const TRANSIENT_ATTEMPTS = 3;

function writeOnce(graph: GraphConnection, state: EntityState, colorsToWrite: ColorsToWrite): Promise<GraphWrite> {
  return inExplicitTransaction(graph, async (tx, session) => {
    const colors = await colorsToWrite(tx);
    const { deferred, crossing } = await writeStatements(tx, state, colors, commonColorMarks(graph));
    await tx.commit();
    return { deferred, crossing, bookmarks: session.lastBookmarks() };
  });
}

/**
 * Every statement is sent before any result is awaited: the driver pipelines them and Neo4j runs
 * them in order within the transaction, so a pass costs one round trip here instead of one per
 * statement — which, on a busy event loop, is most of a pass's latency. A failing statement fails
 * the transaction, and with it every statement after it.
 */
async function writeStatements(
  tx: Transaction,
  state: EntityState,
  colors: readonly ColorState[],
  marks: CommonColorMarks,
): Promise<{ deferred: DeferredRef[]; crossing: string[] }> {
  // traceCypher calls run in this tick: the statements still go out back to back.
  const send = (name: keyof typeof cypher, lists: Record<string, unknown[]>, settings: object = {}) =>
    Object.values(lists).every((list) => list.length === 0)
      ? null
      : traceCypher(name, cypher[name], async () => tx.run(cypher[name], { ...lists, ...settings }));
  const used = colors.filter((c) => c.used).map((c) => c.hex);
  // Sent in this order (dependency order: parents before children, colors last).
  const pairs = pairedAssets(state);
  const sent = {
    retractPairs: send("retractPairs", pairs),
    leaveShapes: send("leaveShapes", { brandIds: state.brands.delete }),
    deleteBrands: send("deleteBrands", { ids: state.brands.delete }),
    upsertBrands: send("upsertBrands", { rows: state.brands.upsert }),
    reshapeBrands: send("reshapeBrands", { brandIds: state.brands.upsert.map((b) => b.brand_id) }),
    deleteAssets: send("deleteAssets", { ids: state.assets.delete }),
    upsertAssets: send("upsertAssets", { rows: state.assets.upsert }),
    deleteFeedback: send("deleteFeedback", { ids: state.feedback.delete }),
    upsertFeedback: send("upsertFeedback", { rows: state.feedback.upsert }),
    assertPairs: send("assertPairs", pairs),
    deleteTemplates: send("deleteTemplates", { ids: state.templates.delete }),
    upsertTemplates: send("upsertTemplates", { rows: state.templates.upsert }),
    settleColors: send("settleColors", { hexes: used }),
    deleteUnusedColors: send("deleteUnusedColors", { hexes: colors.filter((c) => !c.used).map((c) => c.hex) }),
    crossingColors: send("crossingColors", { hexes: used }, marks),
  };
  const results = await Promise.all(Object.values(sent));
  const records = (name: keyof typeof sent) => results[Object.keys(sent).indexOf(name)]?.records ?? [];
  const written = (name: keyof typeof sent) => new Set(records(name).map((r) => r.get("id") as string));
  // What another projection's commit slipped under this one's pair counts (colorPairCounts.ts).
  const vanished = Number(records("assertPairs")[0]?.get("vanished") ?? 0);
  const unretracted = Number(records("deleteBrands")[0]?.get("unretracted") ?? 0);
  if (vanished + unretracted > 0)
    throw new ChangedUnderWrite(`pairs: ${vanished} deleted under their addition, ${unretracted} deleted brands' assets appeared after the retraction`);

  const deferred = [
    ...missing(state.assets.upsert, written("upsertAssets"), (a) => ({ entity: "asset", id: a.asset_id }), (a) => `brand ${a.brand_id} is not in the graph yet`),
    ...missing(state.feedback.upsert, written("upsertFeedback"), (f) => ({ entity: "feedback", id: f.feedback_id }), (f) => `asset ${f.asset_id} is not in the graph yet`),
    ...missing(
      state.templates.upsert,
      written("upsertTemplates"),
      (t) => ({ entity: "template", id: t.template_id }),
      (t) => `brand ${t.brand_id}${t.source_asset_id ? ` or asset ${t.source_asset_id}` : ""} is not in the graph yet`,
    ),
  ];
  return { deferred, crossing: [...written("crossingColors")] };
}

/** Rows an upsert did not return: their parent node was not in the graph. */
function missing<T>(rows: readonly T[], written: Set<string>, ref: (row: T) => EntityRef, reason: (row: T) => string): DeferredRef[] {
  return rows.filter((row) => !written.has(ref(row).id)).map((row) => ({ ref: ref(row), reason: reason(row) }));
}

// Color.pairings reads counts the projector keeps, instead of walking every approved asset that uses
// a color: with white in half of all assets that walk is hundreds of thousands of rows a request.
// Two colors used together by at least one approved asset (one with `approve` feedback) have one
// (:Color)-[:PAIRS_WITH]->(:Color), from the lower hex to the higher, holding
//   count      — approved assets using both,
//   score_nanos — the sum of those assets' compliance scores in billionths, an integer: a float sum
//                 kept by additions and subtractions would depend on their order, and a graph synced
//                 live would differ from its rebuild in the last bits,
//   scored      — how many of them have a score (avg = score_nanos / scored / 1e9; none while 0).
//
// Kept exact in the projection's own transaction by retracting and re-asserting: before any write,
// every asset the projection may change has its current contribution subtracted and is marked with
// a transaction-local label; after the writes, every marked asset still there adds its new one.
// Marking takes the asset node's write lock before its state is read, so two projections touching
// one asset (its own event and its feedback's, say) apply one after the other, each subtracting what
// the previous one added. Only marked assets are counted, and feedback is written only on a marked
// asset; an asset this projection creates is marked as it is made (it had no contribution yet).
// Another projection cannot create an asset the retraction looked up and missed before this one
// commits (the lookup locks that entry of the unique index); the marks keep the counts from
// depending on it.
//
// Neo4j reads committed, and two changes another projection may commit meanwhile are reported by
// the statements that meet them, the projection's transaction then tried again to read them:
// - a pair whose count reaches 0 is deleted, and a projection adding to it may have matched it
//   and waited for its lock: its write then goes to nothing (the addition counts such pairs);
// - an asset may appear under a brand being deleted after the retraction named the brand's assets
//   (the deletion counts the unmarked assets it deletes).
import type { EntityState } from "./readEntityState.ts";

/** The relationship and its three counters, named once for the projector, the reads and the tests. */
export const PAIRS_WITH = "PAIRS_WITH";

/** The transaction-local label of the assets whose pairs the projection retracted (or created). */
export const PAIRS_MARK = "PairsRecount";

/** Compliance scores (0–1) are summed in billionths. */
export const NANOS = 1_000_000_000;

/** What the approved assets `a` of a group add to a pair: `assets`, `scoreNanos`, `scored`. */
export const PAIR_CONTRIBUTION = `count(a) AS assets, sum(toInteger(round(a.compliance_score * ${NANOS}))) AS scoreNanos, count(a.compliance_score) AS scored`;

/**
 * Whether the asset `a` is approved (has `approve` feedback), read from `a`: on a graph with little
 * feedback an EXISTS pattern was planned as a seek of every approval in the action index, and the
 * projector keeps its plans (projectionCypher.ts).
 */
export const IS_APPROVED = `'approve' IN [(a)-[f:RECEIVED_FEEDBACK]->() | f.action]`;

/** An approved asset's pairs of colors (lower hex first) with its score, per row `a`. */
const APPROVED_PAIRS = `
  WITH a WHERE ${IS_APPROVED}
  MATCH (a)-[:USES_COLOR]->(c1:Color), (a)-[:USES_COLOR]->(c2:Color)
  WHERE c1.hex < c2.hex
  WITH c1, c2, ${PAIR_CONTRIBUTION}
  ORDER BY c1.hex, c2.hex`;

export const colorPairCypher = {
  retractPairs: `
    CALL () {
      UNWIND $assetIds AS id
      MATCH (a:Asset {asset_id: id}) RETURN a
      UNION
      UNWIND $feedbackIds AS id
      MATCH (a:Asset)-[:RECEIVED_FEEDBACK {feedback_id: id}]->() RETURN a
      UNION
      UNWIND $brandIds AS id
      MATCH (:Brand {brand_id: id})-[:GENERATED_ASSET]->(a:Asset) RETURN a
    }
    SET a:${PAIRS_MARK}
    ${APPROVED_PAIRS}
    MATCH (c1)-[p:${PAIRS_WITH}]->(c2)
    SET p.count = p.count - assets, p.score_nanos = p.score_nanos - scoreNanos, p.scored = p.scored - scored
    WITH p WHERE p.count <= 0
    DELETE p`,

  assertPairs: `
    MATCH (a:${PAIRS_MARK})
    REMOVE a:${PAIRS_MARK}
    ${APPROVED_PAIRS}
    MERGE (c1)-[p:${PAIRS_WITH}]->(c2)
    ON CREATE SET p.count = 0, p.score_nanos = 0, p.scored = 0
    SET p.count = p.count + assets, p.score_nanos = p.score_nanos + scoreNanos, p.scored = p.scored + scored
    WITH p WHERE p.count IS NULL
    RETURN count(p) AS vanished`,
} as const;

/** The parameters both statements take for a projection's state: every asset whose pairs it may change. */
export function pairedAssets(state: EntityState): { assetIds: string[]; feedbackIds: string[]; brandIds: string[] } {
  return {
    assetIds: [
      ...new Set([
        ...state.assets.upsert.map((a) => a.asset_id),
        ...state.assets.delete,
        ...state.feedback.upsert.map((f) => f.asset_id),
      ]),
    ],
    feedbackIds: [...state.feedback.delete, ...state.feedback.upsert.map((f) => f.feedback_id)],
    brandIds: state.brands.delete,
  };
}

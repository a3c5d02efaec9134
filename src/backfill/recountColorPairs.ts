// The Color pass's check of the pair counts Color.pairings reads (src/projector/colorPairCounts.ts).
// The projector keeps them exact as it writes; what it cannot see is a graph changed around it (an
// asset deleted by hand, a restore). Per color, the pairs it is the lower hex of are counted again
// from the approved assets using it and any that differ are set, created or deleted.
//
// One transaction per color, which first write-locks the color node and each of its pairs: a
// projection changing one of those counts, or creating a pair on the color, then waits for the
// recount to commit (or the recount for it), so the recount reads a state no projection is halfway
// through. A dry run does the same and rolls back.
import { inExplicitTransaction } from "../graph/explicitTransaction.ts";
import { retryTransient } from "../graph/retryTransient.ts";
import type { GraphConnection } from "../graph/graphConnection.ts";
import { IS_APPROVED, PAIR_CONTRIBUTION, PAIRS_WITH } from "../projector/colorPairCounts.ts";

const LOCK_PAIRS = `
  MATCH (c1:Color {hex: $hex})
  SET c1.pairs_recount = true
  WITH c1
  OPTIONAL MATCH (c1)-[p:${PAIRS_WITH}]->()
  SET p.recount = true`;

const RECOUNT_PAIRS = `
  MATCH (c1:Color {hex: $hex})
  CALL (c1) {
    MATCH (c1)<-[:USES_COLOR]-(a:Asset)-[:USES_COLOR]->(c2:Color)
    WHERE c2.hex > c1.hex AND ${IS_APPROVED}
    WITH c2, ${PAIR_CONTRIBUTION}
    RETURN collect({color: c2, assets: assets, scoreNanos: scoreNanos, scored: scored}) AS truth
  }
  CALL (c1, truth) {
    MATCH (c1)-[p:${PAIRS_WITH}]->(c2)
    WHERE NOT c2 IN [t IN truth | t.color]
    DELETE p
    RETURN count(*) AS removed
  }
  CALL (c1, truth) {
    UNWIND truth AS t
    WITH c1, t, t.color AS c2
    OPTIONAL MATCH (c1)-[old:${PAIRS_WITH}]->(c2)
    WITH c1, t, c2, old
    WHERE old IS NULL OR old.count <> t.assets OR old.scored <> t.scored OR old.score_nanos <> t.scoreNanos
    MERGE (c1)-[p:${PAIRS_WITH}]->(c2)
    SET p.count = t.assets, p.score_nanos = t.scoreNanos, p.scored = t.scored
    RETURN count(*) AS corrected
  }
  REMOVE c1.pairs_recount
  WITH c1, removed + corrected AS differing
  OPTIONAL MATCH (c1)-[p:${PAIRS_WITH}]->()
  REMOVE p.recount
  RETURN differing LIMIT 1`;

const TRANSIENT_ATTEMPTS = 5;

/** Pairs that differed, summed over the colors; repaired unless dryRun. */
export async function recountColorPairs(graph: GraphConnection, hexes: readonly string[], dryRun: boolean): Promise<number> {
  let differing = 0;
  for (const hex of hexes) differing += await recountOne(graph, hex, dryRun);
  return differing;
}

// A deadlock with a projection locking the same pairs in another order: that side retries too.
function recountOne(graph: GraphConnection, hex: string, dryRun: boolean): Promise<number> {
  return retryTransient(TRANSIENT_ATTEMPTS, () =>
    inExplicitTransaction(graph, async (tx) => {
      await tx.run(LOCK_PAIRS, { hex });
      const { records } = await tx.run(RECOUNT_PAIRS, { hex });
      await (dryRun ? tx.rollback() : tx.commit());
      return Number(records[0]?.get("differing") ?? 0);
    }),
  );
}

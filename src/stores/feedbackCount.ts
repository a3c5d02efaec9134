// A brand's feedback_count counts its feedback rows; every write that adds or removes feedback moves
// it in the same transaction, so the two never disagree.
import type { RawSql } from "../postgres/rawSql.ts";

/** Adds `delta` to the brand's count (updatedAt moves, as for any change of the brand's row). */
export async function changeFeedbackCount(tx: RawSql, brandId: string, delta: number): Promise<void> {
  await tx.$executeRaw`
    /* changeFeedbackCount */
    UPDATE brands SET feedback_count = feedback_count + ${delta}::int, updated_at = now() WHERE id = ${brandId}::text`;
}

// Every statement on feedback. Recording or withdrawing feedback also moves the brand's
// feedback_count in the same transaction, so the count can never disagree with the rows (and the
// capture triggers record the brand's change with the feedback's).
import type { Feedback } from "../generated/prisma/client.ts";
import type { FeedbackAction, FeedbackDraft, FeedbackPatch } from "../domain/feedbackInput.ts";
import type { Page } from "../domain/pagination.ts";
import { pagesOfParents } from "./childPages.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import type { Db } from "./inTransaction.ts";
import { changeFeedbackCount } from "./feedbackCount.ts";
import { newId } from "./newId.ts";
import { given } from "./given.ts";
import { keyset } from "./keyset.ts";
import { requireDeleted, requireFound } from "./requireFound.ts";
import { underBrandsIn, type OrganizationScope } from "./scope.ts";

export interface FeedbackFilter {
  readonly assetId?: string | null;
  readonly brandId?: string | null;
  readonly action?: FeedbackAction | null;
}

/** Prisma's Feedback, column by column. */
const FEEDBACK_COLUMNS = `id, asset_id AS "assetId", brand_id AS "brandId", action, reason, created_at AS "createdAt"`;

export const feedbackStore = {
  findById: (db: Db, id: string, scope: OrganizationScope = null) => db.feedback.findFirst({ where: { id, ...underBrandsIn(scope) } }),

  listPage: (db: Db, filter: FeedbackFilter, page: Page, scope: OrganizationScope = null) =>
    db.feedback.findMany(keyset({ ...filter }, page, underBrandsIn(scope))),

  /** The same page of each asset's feedback (childPages.ts). */
  pagesOfAssets: (sql: Sql, assetIds: readonly string[], page: Page) =>
    pagesOfParents<Feedback>(sql, { statement: "feedbackPagesOfAssets", table: "feedback", parentColumn: "asset_id", columns: FEEDBACK_COLUMNS }, assetIds, page),

  /**
   * The brand's count goes up first, in the statement that finds the asset within the scope: the
   * brand, then the row under the asset, is the order every delete locks in (lockForDelete.ts).
   */
  async record(tx: RawSql, draft: FeedbackDraft, scope: OrganizationScope = null): Promise<Feedback> {
    const [counted] = await tx.$queryRaw<{ brandId: string }[]>`
      /* countFeedbackOfAssetOnBrand */
      UPDATE brands b SET feedback_count = b.feedback_count + 1, updated_at = now()
        FROM assets a
       WHERE a.id = ${draft.assetId}::text AND b.id = a.brand_id AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)
      RETURNING b.id AS "brandId"`;
    const { brandId } = requireFound(counted ?? null, "Asset", draft.assetId, "input.assetId");
    const [feedback] = await tx.$queryRaw<[Feedback]>`
      /* recordFeedback */
      INSERT INTO feedback (id, asset_id, brand_id, action, reason)
      VALUES (${newId()}::text, ${draft.assetId}::text, ${brandId}::text, ${draft.action}::text, ${draft.reason}::text)
      RETURNING id, asset_id AS "assetId", brand_id AS "brandId", action, reason, created_at AS "createdAt"`;
    return feedback;
  },

  async update(tx: RawSql, id: string, patch: FeedbackPatch, scope: OrganizationScope = null): Promise<Feedback> {
    const [row] = await tx.$queryRaw<Feedback[]>`
      /* updateFeedback */
      UPDATE feedback f
         SET action = CASE WHEN ${given(patch.action)}::boolean THEN ${patch.action ?? null}::text ELSE f.action END,
             reason = CASE WHEN ${given(patch.reason)}::boolean THEN ${patch.reason ?? null}::text ELSE f.reason END
        FROM brands b
       WHERE f.id = ${id}::text AND b.id = f.brand_id AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)
      RETURNING f.id, f.asset_id AS "assetId", f.brand_id AS "brandId", f.action, f.reason, f.created_at AS "createdAt"`;
    return requireFound(row ?? null, "Feedback", id, "id");
  },

  /**
   * The brand's count goes down first: that takes the brand's row lock, which an asset's or brand's
   * delete takes before it counts the feedback its cascade removes, so the two never both subtract
   * the same row. A row already gone with its asset by then is NOT_FOUND, and the count is rolled back.
   */
  async remove(tx: RawSql, id: string, scope: OrganizationScope = null): Promise<boolean> {
    const [row] = await tx.$queryRaw<{ brandId: string }[]>`
      /* feedbackInScope */
      SELECT f.brand_id AS "brandId" FROM feedback f JOIN brands b ON b.id = f.brand_id
       WHERE f.id = ${id}::text AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)`;
    const { brandId } = requireFound(row ?? null, "Feedback", id, "id");
    await changeFeedbackCount(tx, brandId, -1);
    const deleted = await tx.$executeRaw`/* deleteFeedback */ DELETE FROM feedback WHERE id = ${id}::text`;
    requireDeleted(deleted, "Feedback", id);
    return true;
  },
};

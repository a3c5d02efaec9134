// Every statement on feedback. Recording or withdrawing feedback also moves the brand's
// feedback_count in the same transaction, so the count can never disagree with the rows (and the
// capture triggers record the brand's change with the feedback's).
import type { Feedback } from "../generated/prisma/client.ts";
import type { FeedbackAction, FeedbackDraft, FeedbackPatch } from "../domain/feedbackInput.ts";
import type { Page } from "../domain/pagination.ts";
import { brandStore } from "./brandStore.ts";
import { pagesOfParents } from "./childPages.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { Db } from "./inTransaction.ts";
import { keyset } from "./keyset.ts";
import { requireFound } from "./requireFound.ts";
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

  async record(tx: Db, draft: FeedbackDraft, scope: OrganizationScope = null): Promise<Feedback> {
    const asset = await tx.asset.findFirst({ where: { id: draft.assetId, ...underBrandsIn(scope) }, select: { brandId: true } });
    const { brandId } = requireFound(asset, "Asset", draft.assetId, "input.assetId");
    // The brand first, then the row under the asset: the order every delete locks in (lockForDelete.ts).
    await tx.brand.update({ where: { id: brandId }, data: { feedbackCount: { increment: 1 } } });
    return tx.feedback.create({ data: { ...draft, brandId } });
  },

  async update(tx: Db, id: string, patch: FeedbackPatch, scope: OrganizationScope = null): Promise<Feedback> {
    requireFound(await feedbackStore.findById(tx, id, scope), "Feedback", id, "id");
    return tx.feedback.update({ where: { id }, data: patch });
  },

  /**
   * The brand's count goes down first: that takes the brand's row lock, which an asset's or brand's
   * delete takes before it counts the feedback its cascade removes, so the two never both subtract
   * the same row. A row already gone with its asset by then is NOT_FOUND, and the count is rolled back.
   */
  async remove(tx: Db, id: string, scope: OrganizationScope = null): Promise<boolean> {
    const { brandId } = requireFound(await feedbackStore.findById(tx, id, scope), "Feedback", id, "id");
    await tx.brand.update({ where: { id: brandId }, data: { feedbackCount: { decrement: 1 } } });
    const { count } = await tx.feedback.deleteMany({ where: { id } });
    requireFound(count === 1 ? true : null, "Feedback", id, "id");
    return true;
  },
};

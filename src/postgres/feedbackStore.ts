// Every statement on feedback. Recording feedback also bumps the brand's feedback_count in the
// same transaction, so the count can never disagree with the rows; the brand therefore changes too.
import type { Feedback } from "../generated/prisma/client.ts";
import type { FeedbackAction, FeedbackDraft } from "../domain/feedbackInput.ts";
import type { Page } from "../domain/pagination.ts";
import { upserted } from "./changes.ts";
import type { Db, Written } from "./inTransaction.ts";
import { keyset } from "./keyset.ts";
import { requireFound } from "./requireFound.ts";

export interface FeedbackFilter {
  readonly assetId?: string | null;
  readonly brandId?: string | null;
  readonly action?: FeedbackAction | null;
}

export const feedbackStore = {
  findById: (db: Db, id: string) => db.feedback.findUnique({ where: { id } }),

  listPage: (db: Db, filter: FeedbackFilter, page: Page) => db.feedback.findMany(keyset({ ...filter }, page)),

  ofAssets: (db: Db, assetIds: readonly string[]) =>
    db.feedback.findMany({ where: { assetId: { in: [...assetIds] } }, orderBy: { id: "asc" } }),

  async record(tx: Db, draft: FeedbackDraft): Promise<Written<Feedback>> {
    const asset = await tx.asset.findUnique({ where: { id: draft.assetId }, select: { brandId: true } });
    const { brandId } = requireFound(asset, "Asset", draft.assetId, "input.assetId");
    const feedback = await tx.feedback.create({ data: { ...draft, brandId } });
    await tx.brand.update({ where: { id: brandId }, data: { feedbackCount: { increment: 1 } } });
    return { result: feedback, changes: [upserted("feedback", feedback.id), upserted("brand", brandId)] };
  },
};

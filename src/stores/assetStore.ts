// Every statement on assets and the colors they use. Deleting an asset cascades to its colors
// and feedback (taking that feedback off its brand's feedback_count); templates based on it keep
// existing with source_asset_id set to null. The capture triggers record each of those changes.
import { type Asset, Prisma } from "../generated/prisma/client.ts";
import type { AssetDraft, AssetPatch, AssetStatus } from "../domain/assetInput.ts";
import type { AssetColorDraft } from "../domain/palette.ts";
import type { AssetColorShare } from "../pixels/colorsByHex.ts";
import type { Page } from "../domain/pagination.ts";
import { brandStore } from "./brandStore.ts";
import type { Db } from "./inTransaction.ts";
import { keyset } from "./keyset.ts";
import { lockAsset } from "./lockForDelete.ts";
import { requireFound } from "./requireFound.ts";
import { underBrandsIn, type OrganizationScope } from "./scope.ts";

/** What an image's pixels said about an asset (pixels/readImageColors.ts). */
export interface ImageColors {
  readonly imageSha256: string;
  readonly colors: readonly AssetColorShare[];
  readonly complianceScore: number | null;
}

export interface AssetFilter {
  readonly brandId?: string | null;
  readonly status?: AssetStatus | null;
}

export const assetStore = {
  findById: (db: Db, id: string, scope: OrganizationScope = null) => db.asset.findFirst({ where: { id, ...underBrandsIn(scope) } }),

  findByIds: (db: Db, ids: readonly string[], scope: OrganizationScope = null) =>
    db.asset.findMany({ where: { id: { in: [...ids] }, ...underBrandsIn(scope) } }),

  listPage: (db: Db, filter: AssetFilter, page: Page, scope: OrganizationScope = null) =>
    db.asset.findMany(keyset({ ...filter }, page, underBrandsIn(scope))),

  /**
   * The same page (first + 1 rows after the cursor) of each brand's assets in one statement: a
   * window per brand, so 100 brands cost one query rather than one each.
   */
  pagesOfBrands(db: Db, brandIds: readonly string[], page: Page): Promise<Asset[]> {
    return db.$queryRaw<Asset[]>(Prisma.sql`
      /* assetPagesOfBrands */
      SELECT id, brand_id AS "brandId", prompt, image_url AS "imageUrl", compliance_score AS "complianceScore",
             image_sha256 AS "imageSha256", status, created_at AS "createdAt", updated_at AS "updatedAt"
      FROM (
        SELECT a.*, row_number() OVER (PARTITION BY a.brand_id ORDER BY a.id) AS position
        FROM assets a
        WHERE a.brand_id = ANY(${[...brandIds]}::text[])
          AND (${page.afterId}::text IS NULL OR a.id > ${page.afterId}::text)
      ) ranked
      WHERE position <= ${page.first + 1}
      ORDER BY brand_id, id`);
  },

  /** Largest coverage first; colors without a coverage last, ties by hex. */
  colorsOfAssets: (db: Db, assetIds: readonly string[]) =>
    db.assetColor.findMany({
      where: { assetId: { in: [...assetIds] } },
      orderBy: [{ coverage: { sort: "desc", nulls: "last" } }, { hex: "asc" }],
    }),

  async create(tx: Db, draft: AssetDraft, scope: OrganizationScope = null): Promise<Asset> {
    await brandStore.requireExists(tx, draft.brandId, "input.brandId", scope);
    const { colors, ...fields } = draft;
    return tx.asset.create({ data: { ...fields, colors: { createMany: { data: [...colors] } } } });
  },

  async update(tx: Db, id: string, patch: AssetPatch, scope: OrganizationScope = null): Promise<Asset> {
    requireFound(await assetStore.findById(tx, id, scope), "Asset", id, "id");
    const { colors, ...fields } = patch;
    // The row is updated first: its lock makes concurrent updates of one asset take turns, so two
    // color replacements never interleave (and updatedAt changes even for a colors-only update).
    // Declared colors replace extracted ones, so the image they came from is forgotten: uploading
    // it again extracts it again.
    const asset = await tx.asset.update({ where: { id }, data: { ...fields, ...(colors ? { imageSha256: null } : {}), updatedAt: new Date() } });
    if (colors) await replaceColors(tx, id, colors.map((c) => ({ ...c, source: "declared", onPalette: null })));
    return asset;
  },

  /**
   * An image's colors replace the asset's colors, and its compliance score the asset's, as any
   * asset update does: one transaction, one outbox event.
   */
  async replaceImageColors(tx: Db, id: string, image: ImageColors, scope: OrganizationScope = null): Promise<Asset> {
    requireFound(await assetStore.findById(tx, id, scope), "Asset", id, "id");
    const asset = await tx.asset.update({
      where: { id },
      data: { imageSha256: image.imageSha256, complianceScore: image.complianceScore, updatedAt: new Date() },
    });
    await replaceColors(tx, id, image.colors.map((c) => ({ hex: c.hex, coverage: c.coverage, source: "extracted", onPalette: c.onPalette })));
    return asset;
  },

  async remove(tx: Db, id: string, scope: OrganizationScope = null): Promise<boolean> {
    const { brandId } = requireFound(await assetStore.findById(tx, id, scope), "Asset", id, "id");
    // Locked before counting: feedback recorded meanwhile would cascade away uncounted.
    await lockAsset(tx, brandId, id);
    const feedback = await tx.feedback.count({ where: { assetId: id } });
    await tx.asset.delete({ where: { id } });
    // The brand's feedback_count counts its feedback rows, so the cascaded ones come off it.
    if (feedback > 0) await tx.brand.update({ where: { id: brandId }, data: { feedbackCount: { decrement: feedback } } });
    return true;
  },
};

type StoredAssetColor = AssetColorDraft & { readonly source: ColorSource; readonly onPalette: boolean | null };

/** Where an asset's color came from: sent by the client, or read from its image's pixels. */
export type ColorSource = "declared" | "extracted";

async function replaceColors(tx: Db, assetId: string, colors: readonly StoredAssetColor[]) {
  await tx.assetColor.deleteMany({ where: { assetId } });
  await tx.assetColor.createMany({ data: colors.map((c) => ({ ...c, assetId })) });
}

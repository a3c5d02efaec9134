// Every statement on assets and the colors they use. Deleting an asset cascades to its colors
// and feedback (taking that feedback off its brand's feedback_count); templates based on it keep
// existing with source_asset_id set to null. The capture triggers record each of those changes.
import { type Asset, Prisma } from "../generated/prisma/client.ts";
import type { AssetDraft, AssetPatch, AssetStatus } from "../domain/assetInput.ts";
import type { AssetColorDraft } from "../domain/palette.ts";
import type { AssetColorShare } from "../pixels/colorsByHex.ts";
import type { Page } from "../domain/pagination.ts";
import type { Sql } from "../postgres/createPrisma.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import type { Db } from "./inTransaction.ts";
import { given } from "./given.ts";
import { keyset } from "./keyset.ts";
import { changeFeedbackCount } from "./feedbackCount.ts";
import { lockAsset } from "./lockForDelete.ts";
import { newId } from "./newId.ts";
import { requireDeleted, requireFound } from "./requireFound.ts";
import { underBrandsIn, type OrganizationScope } from "./scope.ts";

/** What an image's pixels said about an asset (pixels/readImageColors.ts). */
export interface ImageColors {
  readonly imageSha256: string;
  readonly colors: readonly AssetColorShare[];
  readonly complianceScore: number | null;
}

/** What an upload needs to know of its asset before reading the image (assetStore.uploadTarget). */
export interface UploadTarget {
  readonly brandId: string;
  readonly imageSha256: string | null;
  readonly complianceScore: number | null;
  /** Its brand's palette hexes. */
  readonly palette: string[];
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

  /** The asset's brand; NOT_FOUND naming `field` unless the asset exists within the scope. */
  async requireBrandOf(tx: RawSql, id: string, field: string, scope: OrganizationScope = null): Promise<string> {
    const [row] = await tx.$queryRaw<{ brandId: string }[]>`
      /* assetInScope */
      SELECT a.brand_id AS "brandId" FROM assets a JOIN brands b ON b.id = a.brand_id
       WHERE a.id = ${id}::text AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)`;
    return requireFound(row ?? null, "Asset", id, field).brandId;
  },

  /** The asset is inserted by the statement that finds its brand within the scope. */
  async create(tx: RawSql, draft: AssetDraft, scope: OrganizationScope = null): Promise<Asset> {
    const [row] = await tx.$queryRaw<Asset[]>`
      /* createAsset */
      INSERT INTO assets (id, brand_id, prompt, image_url, compliance_score, status)
      SELECT ${newId()}::text, b.id, ${draft.prompt}::text, ${draft.imageUrl}::text, ${draft.complianceScore}::float8, ${draft.status}::text
        FROM brands b
       WHERE b.id = ${draft.brandId}::text AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)
      RETURNING id, brand_id AS "brandId", prompt, image_url AS "imageUrl", compliance_score AS "complianceScore",
                image_sha256 AS "imageSha256", status, created_at AS "createdAt", updated_at AS "updatedAt"`;
    const asset = requireFound(row ?? null, "Brand", draft.brandId, "input.brandId");
    await insertColors(tx, asset.id, draft.colors.map(declared));
    return asset;
  },

  /**
   * The asset an upload is for (null: missing or another organization's), its last image's hash and
   * score, and its brand's palette in colorsOfBrands' order: what an upload checks before reading the
   * image, in one statement.
   */
  async uploadTarget(sql: Sql, id: string, scope: OrganizationScope = null): Promise<UploadTarget | null> {
    const [row] = await sql.rows<UploadTarget>(
      `/* assetUploadTarget */
       SELECT a.brand_id AS "brandId", a.image_sha256 AS "imageSha256", a.compliance_score AS "complianceScore",
              ARRAY(SELECT c.hex FROM brand_colors c WHERE c.brand_id = a.brand_id ORDER BY c.usage_weight DESC NULLS LAST, c.hex) AS palette
         FROM assets a JOIN brands b ON b.id = a.brand_id
        WHERE a.id = $1 AND ($2::text IS NULL OR b.organization_id = $2)`,
      [id, scope],
    );
    return row ?? null;
  },

  /**
   * The row is updated first, in the statement that checks the scope: its lock makes concurrent
   * updates of one asset take turns, so two color replacements never interleave (and updatedAt
   * changes even for a colors-only update). Declared colors replace extracted ones, so the image they
   * came from is forgotten: uploading it again extracts it again.
   */
  async update(tx: RawSql, id: string, patch: AssetPatch, scope: OrganizationScope = null): Promise<Asset> {
    const { colors, ...fields } = patch;
    const [row] = await tx.$queryRaw<Asset[]>`
      /* updateAsset */
      UPDATE assets a
         SET prompt = CASE WHEN ${given(fields.prompt)}::boolean THEN ${fields.prompt ?? null}::text ELSE a.prompt END,
             image_url = CASE WHEN ${given(fields.imageUrl)}::boolean THEN ${fields.imageUrl ?? null}::text ELSE a.image_url END,
             compliance_score = CASE WHEN ${given(fields.complianceScore)}::boolean THEN ${fields.complianceScore ?? null}::float8 ELSE a.compliance_score END,
             status = CASE WHEN ${given(fields.status)}::boolean THEN ${fields.status ?? null}::text ELSE a.status END,
             image_sha256 = CASE WHEN ${given(colors)}::boolean THEN NULL ELSE a.image_sha256 END,
             updated_at = now()
        FROM brands b
       WHERE a.id = ${id}::text AND b.id = a.brand_id AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)
      RETURNING a.id, a.brand_id AS "brandId", a.prompt, a.image_url AS "imageUrl", a.compliance_score AS "complianceScore",
                a.image_sha256 AS "imageSha256", a.status, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
    const asset = requireFound(row ?? null, "Asset", id, "id");
    if (colors) await replaceColors(tx, id, colors.map(declared));
    return asset;
  },

  /**
   * An image's colors replace the asset's colors, and its compliance score the asset's, as any
   * asset update does: one transaction, one outbox event.
   */
  async replaceImageColors(tx: RawSql, id: string, image: ImageColors, scope: OrganizationScope = null): Promise<{ complianceScore: number | null }> {
    const [row] = await tx.$queryRaw<{ complianceScore: number | null }[]>`
      /* replaceImageColors */
      UPDATE assets a
         SET image_sha256 = ${image.imageSha256}::text, compliance_score = ${image.complianceScore}::float8, updated_at = now()
        FROM brands b
       WHERE a.id = ${id}::text AND b.id = a.brand_id AND (${scope}::text IS NULL OR b.organization_id = ${scope}::text)
      RETURNING a.compliance_score AS "complianceScore"`;
    const asset = requireFound(row ?? null, "Asset", id, "id");
    await replaceColors(tx, id, image.colors.map((c) => ({ hex: c.hex, coverage: c.coverage, source: "extracted", onPalette: c.onPalette })));
    return asset;
  },

  async remove(tx: RawSql, id: string, scope: OrganizationScope = null): Promise<boolean> {
    const brandId = await assetStore.requireBrandOf(tx, id, "id", scope);
    // Locked before counting: feedback recorded meanwhile would cascade away uncounted.
    await lockAsset(tx, brandId, id);
    const [{ feedback }] = await tx.$queryRaw<[{ feedback: number }]>`
      /* countFeedbackOfAsset */ SELECT count(*)::int AS feedback FROM feedback WHERE asset_id = ${id}::text`;
    const deleted = await tx.$executeRaw`/* deleteAsset */ DELETE FROM assets WHERE id = ${id}::text`;
    requireDeleted(deleted, "Asset", id);
    // The brand's feedback_count counts its feedback rows, so the cascaded ones come off it.
    if (feedback > 0) await changeFeedbackCount(tx, brandId, -feedback);
    return true;
  },
};

type StoredAssetColor = AssetColorDraft & { readonly source: ColorSource; readonly onPalette: boolean | null };

/** Where an asset's color came from: sent by the client, or read from its image's pixels. */
export type ColorSource = "declared" | "extracted";

const declared = (color: AssetColorDraft): StoredAssetColor => ({ ...color, source: "declared", onPalette: null });

async function replaceColors(tx: RawSql, assetId: string, colors: readonly StoredAssetColor[]) {
  await tx.$executeRaw`/* deleteAssetColors */ DELETE FROM asset_colors WHERE asset_id = ${assetId}::text`;
  await insertColors(tx, assetId, colors);
}

async function insertColors(tx: RawSql, assetId: string, colors: readonly StoredAssetColor[]) {
  if (colors.length === 0) return;
  await tx.$executeRaw`
    /* insertAssetColors */
    INSERT INTO asset_colors (asset_id, hex, coverage, source, on_palette)
    SELECT ${assetId}::text, * FROM unnest(${colors.map((c) => c.hex)}::text[], ${colors.map((c) => c.coverage ?? null)}::float8[],
                                         ${colors.map((c) => c.source)}::text[], ${colors.map((c) => c.onPalette)}::boolean[])`;
}

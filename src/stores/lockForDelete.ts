// A delete locks the rows it removes, parents first, before it reads anything it corrects: an asset's
// delete counts the feedback its cascade removes (to take it off the brand's feedback_count), and
// feedback inserted after that count would go with its asset uncounted. An insert's foreign-key
// check takes FOR KEY SHARE on its parent row, so an insert still under way makes the lock wait
// until it commits (the count, read by the next statement, then sees it), and an insert arriving
// later waits for the delete and then finds its parent gone (NOT_FOUND). The outbox needs no list:
// the capture triggers see every cascaded row.
//
// Locks are always taken parent first (organization → brand → asset), as every write does
// (feedbackStore.record bumps its brand before inserting under the asset), so two writes never wait
// for each other in a circle.
import type { RawSql } from "../postgres/rawSql.ts";

/** The organization row, then every brand of it, or the first `limit` brands by id. Returns their ids. */
export async function lockOrganizationBrands(tx: RawSql, organizationId: string, limit: number | null = null): Promise<string[]> {
  await tx.$queryRaw`/* lockOrganizationForDelete */ SELECT id FROM organizations WHERE id = ${organizationId}::text FOR UPDATE`;
  // LIMIT NULL is no limit.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    /* lockBrandsOfOrganizationForDelete */
    SELECT id FROM brands WHERE organization_id = ${organizationId}::text ORDER BY id LIMIT ${limit}::int FOR UPDATE`;
  return rows.map((r) => r.id);
}

export async function lockBrand(tx: RawSql, brandId: string): Promise<void> {
  await tx.$queryRaw`/* lockBrandForDelete */ SELECT id FROM brands WHERE id = ${brandId}::text FOR UPDATE`;
}

/** The asset's brand (whose feedback_count the delete corrects), then the asset. */
export async function lockAsset(tx: RawSql, brandId: string, assetId: string): Promise<void> {
  await tx.$queryRaw`/* lockBrandOfAssetForDelete */ SELECT id FROM brands WHERE id = ${brandId}::text FOR NO KEY UPDATE`;
  await tx.$queryRaw`/* lockAssetForDelete */ SELECT id FROM assets WHERE id = ${assetId}::text FOR UPDATE`;
}

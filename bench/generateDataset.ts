// A free-tier-sized data set written straight into Postgres with multi-row INSERTs from unnest()
// arrays (one round trip per 5,000 rows), never through Prisma one row at a time. Generated and
// inserted brand by brand in chunks, so the generator's memory stays flat too.
import pg from "pg";
import { uuidv7 } from "./uuidv7.ts";

export interface DatasetSize {
  readonly organizations: number;
  readonly brandsPerOrganization: number;
  readonly assetsPerBrand: number;
  readonly templatesPerBrand: number;
  readonly feedbackPerBrand: number;
  readonly colorPool: number;
}

export const PRESETS: Record<string, DatasetSize> = {
  // ≈ 200,500 nodes (10k Brand, 150k Asset, 40k Template, 500 Color) and ≈ 450,000 relationships
  // (60k OWNS_COLOR, 150k GENERATED_ASSET, ~150k USES_COLOR, 40k HAS_TEMPLATE, 20k BASED_ON_ASSET,
  // 30k RECEIVED_FEEDBACK): the seed plan's free tier.
  free: { organizations: 1_000, brandsPerOrganization: 10, assetsPerBrand: 15, templatesPerBrand: 4, feedbackPerBrand: 3, colorPool: 500 },
  small: { organizations: 100, brandsPerOrganization: 10, assetsPerBrand: 15, templatesPerBrand: 4, feedbackPerBrand: 3, colorPool: 500 },
};

const CHUNK_BRANDS = 200;
const USAGES = ["primary", "secondary", "accent", "background"];

const hexOf = (i: number) => `#${(((i * 2654435761) >>> 8) & 0xffffff).toString(16).padStart(6, "0").toUpperCase()}`;
const pick = <T>(list: readonly T[], n: number) => list[Math.floor(Math.random() * n) % list.length]!;

export async function generateDataset(client: pg.Client, size: DatasetSize): Promise<{ rows: number }> {
  const pool = Array.from({ length: size.colorPool }, (_, i) => hexOf(i + 1));
  let clock = Date.now() - 365 * 24 * 3600 * 1000;
  const next = () => uuidv7((clock += 1));
  let rows = 0;
  const insert = async (sql: string, columns: unknown[][]) => {
    if (columns[0]!.length === 0) return;
    await client.query(sql, columns);
    rows += columns[0]!.length;
  };

  const orgIds = Array.from({ length: size.organizations }, next);
  await insert(`INSERT INTO organizations (id, name) SELECT * FROM unnest($1::text[], $2::text[])`, [orgIds, orgIds.map((_, i) => `Org ${i}`)]);
  const brandOrgs = orgIds.flatMap((org) => Array<string>(size.brandsPerOrganization).fill(org));

  for (let start = 0; start < brandOrgs.length; start += CHUNK_BRANDS) {
    const b = { id: [] as string[], org: [] as string[], name: [] as string[], learning: [] as boolean[] };
    const bc = { brand: [] as string[], hex: [] as string[], name: [] as (string | null)[], usage: [] as string[], weight: [] as number[] };
    const a = { id: [] as string[], brand: [] as string[], prompt: [] as string[], score: [] as number[], status: [] as string[] };
    const ac = { asset: [] as string[], hex: [] as string[], coverage: [] as number[] };
    const f = { id: [] as string[], asset: [] as string[], brand: [] as string[], action: [] as string[] };
    const t = { id: [] as string[], brand: [] as string[], name: [] as string[], source: [] as (string | null)[] };
    for (const org of brandOrgs.slice(start, start + CHUNK_BRANDS)) {
      const brandId = next();
      b.id.push(brandId), b.org.push(org), b.name.push(`Brand ${brandId.slice(-6)}`), b.learning.push(Math.random() < 0.5);
      const palette = new Set<string>();
      const paletteSize = 4 + Math.floor(Math.random() * 5);
      while (palette.size < paletteSize) palette.add(pick(pool, pool.length));
      for (const hex of palette) {
        bc.brand.push(brandId), bc.hex.push(hex), bc.name.push(Math.random() < 0.8 ? `Color ${hex.slice(1)}` : null);
        bc.usage.push(pick(USAGES, 4)), bc.weight.push(Math.round(Math.random() * 100) / 100);
      }
      const assetIds: string[] = [];
      for (let i = 0; i < size.assetsPerBrand; i++) {
        const assetId = next();
        assetIds.push(assetId);
        a.id.push(assetId), a.brand.push(brandId), a.prompt.push(`prompt ${i}`), a.score.push(Math.random()), a.status.push(i % 3 ? "generated" : "approved");
        const colors = new Set<string>();
        const used = Math.floor(Math.random() * 3); // 0–2 colors, 1 on average
        while (colors.size < used) colors.add(pick([...palette], palette.size));
        for (const hex of colors) ac.asset.push(assetId), ac.hex.push(hex), ac.coverage.push(Math.round(Math.random() * 100) / 100);
      }
      for (let i = 0; i < size.feedbackPerBrand; i++) {
        f.id.push(next()), f.asset.push(assetIds[i % assetIds.length]!), f.brand.push(brandId), f.action.push(i % 2 ? "reject" : "approve");
      }
      for (let i = 0; i < size.templatesPerBrand; i++) {
        t.id.push(next()), t.brand.push(brandId), t.name.push(`Template ${i}`), t.source.push(i % 2 ? null : assetIds[i]!);
      }
    }
    await insert(`INSERT INTO brands (id, organization_id, name, learning_active) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[])`, [b.id, b.org, b.name, b.learning]);
    await insert(`INSERT INTO brand_colors (brand_id, hex, name, usage, usage_weight) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[])`, [bc.brand, bc.hex, bc.name, bc.usage, bc.weight]);
    await insert(`INSERT INTO assets (id, brand_id, prompt, compliance_score, status) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[])`, [a.id, a.brand, a.prompt, a.score, a.status]);
    await insert(`INSERT INTO asset_colors (asset_id, hex, coverage) SELECT * FROM unnest($1::text[], $2::text[], $3::float8[])`, [ac.asset, ac.hex, ac.coverage]);
    await insert(`INSERT INTO feedback (id, asset_id, brand_id, action) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`, [f.id, f.asset, f.brand, f.action]);
    await insert(`INSERT INTO templates (id, brand_id, name, source_asset_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`, [t.id, t.brand, t.name, t.source]);
  }
  await client.query("ANALYZE");
  return { rows };
}

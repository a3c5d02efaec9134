// A synthetic brand world written straight into Postgres with multi-row INSERTs from unnest() arrays
// (one round trip per table per chunk of brands), never through Prisma one row at a time: the free
// tier's 440,000 rows take seconds. The graph is then built from these rows by the project's own
// backfill, so both stores hold the same data. Seeded: a rerun writes the same rows, ids included.
import type pg from "pg";
import { INDUSTRY_CODES } from "../../src/domain/industries.ts";
import { seededRandom } from "../../src/domain/seededRandom.ts";
import { colorDraw, type ColorPopularity } from "./colorPopularity.ts";
import type { DatasetPreset } from "./presets.ts";
import { seededUuidv7 } from "./seededUuidv7.ts";
import { DEFAULT_COMMON_COLOR_OWNERS } from "../../src/projector/paletteShapes.ts";

export interface GeneratedDataset {
  readonly rows: number;
  readonly counts: Readonly<Record<Table, number>>;
  /** What the graph holds once backfilled: a node per brand, asset, template, used hex and used industry. */
  readonly expectedGraph: { readonly nodes: number; readonly relationships: number };
  /** Arguments for the query benchmarks, spread over the whole data set. */
  readonly sample: {
    readonly organizationIds: string[];
    readonly brandIds: string[];
    /** The same brands with their organization and palette, for requests made as their tenant. */
    readonly brands: { readonly id: string; readonly organizationId: string; readonly palette: readonly string[] }[];
    readonly hexes: string[];
    /** The colors owned by the most brands, most first: the supernodes a query may walk through. */
    readonly popularHexes: string[];
  };
}

const POPULAR_SAMPLE = 5;

const TABLES = ["organizations", "brands", "brand_colors", "assets", "asset_colors", "feedback", "templates"] as const;
type Table = (typeof TABLES)[number];

const CHUNK_BRANDS = 200;
const SAMPLE_BRANDS = 300;
const THEME_STEP = 5;
const THEME_SIZE = 12;
const STARTS_AT = Date.UTC(2025, 0, 1);
const USAGES = ["primary", "secondary", "accent", "background"];
const REJECT_REASONS = ["off-palette", "low contrast", "logo too small", "wrong tone"];

/** The name a palette gives a color: the same for every palette, so Color.name never flips between them. */
export const colorNameOf = (hex: string) => `Color ${hex.slice(1)}`;

/**
 * An organization's industry, round the NAICS sectors: an industry's organizations have five of the
 * hundred themes, so each industry has shared palettes (patterns) and none is one organization's.
 */
const industryOf = (org: number) => INDUSTRY_CODES[org % INDUSTRY_CODES.length]!;

const hexOf = (i: number) => `#${(((i * 2654435761) >>> 8) & 0xffffff).toString(16).padStart(6, "0").toUpperCase()}`;

export async function generateDataset(client: pg.Client, preset: DatasetPreset, popularity: ColorPopularity = "uniform", seed = 42): Promise<GeneratedDataset> {
  const random = seededRandom(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const score = (min: number, max: number) => Math.round((min + random() * (max - min)) * 100) / 100;
  let clock = STARTS_AT;
  const next = () => {
    clock += 60_000;
    return { id: seededUuidv7(clock, random), at: new Date(clock).toISOString() };
  };

  const pool = Array.from({ length: preset.colorPool }, (_, i) => hexOf(i + 1));
  const draw = colorDraw(popularity, pool, random);
  // A theme per organization, up to one per THEME_STEP colors of the pool (100 for the 500-color pool).
  const themes = Math.max(100, Math.floor(pool.length / THEME_STEP));
  const themeOf = (org: number) => Array.from({ length: THEME_SIZE }, (_, k) => pool[((org % themes) * THEME_STEP + k) % pool.length]!);
  const usedHexes = new Set<string>();
  const owners = new Map<string, number>();
  const usedIndustries = new Set<string>();
  let sourcedTemplates = 0;
  const brandCount = preset.organizations * preset.brandsPerOrganization;
  const sampleEvery = Math.max(1, Math.floor(brandCount / SAMPLE_BRANDS));
  const sample = { organizationIds: [] as string[], brandIds: [] as string[], brands: [] as GeneratedDataset["sample"]["brands"], hexes: [] as string[], popularHexes: [] as string[] };
  const counts = Object.fromEntries(TABLES.map((table) => [table, 0])) as Record<Table, number>;
  // A bulk load that the bench backfills afterwards (benchStores.ts), so capture is paused for it as
  // docs/sync.md says bulk loads do: otherwise its hundreds of thousands of outbox rows would be
  // pruned by retention during the measured phases.
  await client.query("SET mobius.capture = off");
  const insert = async (table: Table, sql: string, columns: unknown[][]) => {
    counts[table] += columns[0]!.length;
    if (columns[0]!.length > 0) await client.query(sql, columns);
  };

  const organizations = Array.from({ length: preset.organizations }, next);
  sample.organizationIds = organizations.map((o) => o.id);
  await insert("organizations", `INSERT INTO organizations (id, name, created_at, updated_at) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $3::timestamptz[])`, [
    organizations.map((o) => o.id),
    organizations.map((_, i) => `Organization ${i + 1}`),
    organizations.map((o) => o.at),
  ]);

  for (let start = 0; start < brandCount; start += CHUNK_BRANDS) {
    const b = { id: [] as string[], org: [] as string[], name: [] as string[], learning: [] as boolean[], feedback: [] as number[], at: [] as string[], industry: [] as string[] };
    const bc = { brand: [] as string[], hex: [] as string[], name: [] as (string | null)[], usage: [] as string[], weight: [] as number[] };
    const a = { id: [] as string[], brand: [] as string[], prompt: [] as string[], score: [] as number[], status: [] as string[], at: [] as string[] };
    const ac = { asset: [] as string[], hex: [] as string[], coverage: [] as number[] };
    const f = { id: [] as string[], asset: [] as string[], brand: [] as string[], action: [] as string[], reason: [] as (string | null)[], at: [] as string[] };
    const t = { id: [] as string[], brand: [] as string[], name: [] as string[], source: [] as (string | null)[], at: [] as string[] };

    for (let n = start; n < Math.min(start + CHUNK_BRANDS, brandCount); n++) {
      const org = Math.floor(n / preset.brandsPerOrganization);
      const brand = next();
      if (n % sampleEvery === 0) sample.brandIds.push(brand.id);
      const theme = themeOf(org);
      const paletteSize = Math.min(between(...preset.paletteSize), pool.length);
      const palette = new Set<string>(draw.paletteNeutrals().slice(0, paletteSize));
      while (palette.size < paletteSize) palette.add(chance(0.7) ? pick(theme) : draw.fromPool());
      const paletteHexes = [...palette];
      if (n % sampleEvery === 0) sample.brands.push({ id: brand.id, organizationId: organizations[org]!.id, palette: paletteHexes });
      paletteHexes.forEach((hex, i) => {
        bc.brand.push(brand.id), bc.hex.push(hex), bc.name.push(chance(0.8) ? colorNameOf(hex) : null);
        bc.usage.push(USAGES[Math.min(i, USAGES.length - 1)]!), bc.weight.push(score(0, 1));
        usedHexes.add(hex);
        owners.set(hex, (owners.get(hex) ?? 0) + 1);
      });

      let feedbackCount = 0;
      const assetIds: string[] = [];
      for (let i = 0; i < preset.assetsPerBrand; i++) {
        const asset = next();
        assetIds.push(asset.id);
        const feedback = chance(preset.feedbackShare) ? (chance(preset.approveShare) ? "approve" : "reject") : null;
        const status = feedback === "approve" ? "approved" : feedback === "reject" ? "rejected" : chance(0.2) ? "in_review" : "generated";
        a.id.push(asset.id), a.brand.push(brand.id), a.prompt.push(`Campaign visual ${i + 1}`), a.status.push(status), a.at.push(asset.at);
        a.score.push(feedback === "approve" ? score(0.7, 1) : feedback === "reject" ? score(0.2, 0.7) : score(0.3, 1));
        const colors = new Set<string>();
        const colorCount = Math.min(between(...preset.assetColors), palette.size);
        while (colors.size < colorCount) colors.add(chance(0.85) ? pick(paletteHexes) : draw.fromPool());
        for (const hex of colors) ac.asset.push(asset.id), ac.hex.push(hex), ac.coverage.push(score(0.05, 0.6)), usedHexes.add(hex);
        if (feedback) {
          const row = next();
          f.id.push(row.id), f.asset.push(asset.id), f.brand.push(brand.id), f.action.push(feedback), f.at.push(row.at);
          f.reason.push(feedback === "reject" ? pick(REJECT_REASONS) : null);
          feedbackCount += 1;
        }
      }
      for (let i = 0; i < preset.templatesPerBrand; i++) {
        const template = next();
        t.id.push(template.id), t.brand.push(brand.id), t.name.push(`Template ${i + 1}`), t.at.push(template.at);
        t.source.push(i % 2 === 0 && assetIds.length ? assetIds[i % assetIds.length]! : null);
      }
      b.id.push(brand.id), b.org.push(organizations[org]!.id), b.name.push(`Brand ${n + 1}`), b.at.push(brand.at);
      b.industry.push(industryOf(org)), usedIndustries.add(industryOf(org));
      b.learning.push(chance(0.5)), b.feedback.push(feedbackCount);
    }

    await insert(
      "brands",
      `INSERT INTO brands (id, organization_id, name, learning_active, feedback_count, created_at, updated_at, industry)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::int[], $6::timestamptz[], $6::timestamptz[], $7::text[])`,
      [b.id, b.org, b.name, b.learning, b.feedback, b.at, b.industry],
    );
    await insert("brand_colors", `INSERT INTO brand_colors (brand_id, hex, name, usage, usage_weight) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[])`, [
      bc.brand, bc.hex, bc.name, bc.usage, bc.weight,
    ]);
    await insert(
      "assets",
      `INSERT INTO assets (id, brand_id, prompt, compliance_score, status, created_at, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::timestamptz[], $6::timestamptz[])`,
      [a.id, a.brand, a.prompt, a.score, a.status, a.at],
    );
    await insert("asset_colors", `INSERT INTO asset_colors (asset_id, hex, coverage) SELECT * FROM unnest($1::text[], $2::text[], $3::float8[])`, [ac.asset, ac.hex, ac.coverage]);
    await insert(
      "feedback",
      `INSERT INTO feedback (id, asset_id, brand_id, action, reason, created_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
      [f.id, f.asset, f.brand, f.action, f.reason, f.at],
    );
    await insert(
      "templates",
      `INSERT INTO templates (id, brand_id, name, source_asset_id, created_at, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $5::timestamptz[])`,
      [t.id, t.brand, t.name, t.source, t.at],
    );
    sourcedTemplates += t.source.filter((s) => s !== null).length;
  }
  await client.query("ANALYZE");
  const colorPairs = await countColorPairs(client);
  const shapes = await countPaletteShapes(client);
  sample.hexes = [...usedHexes].sort();
  sample.popularHexes = [...owners].sort(([a, m], [b, n]) => n - m || a.localeCompare(b)).slice(0, POPULAR_SAMPLE).map(([hex]) => hex);
  const c = counts;
  return {
    rows: Object.values(c).reduce((sum, n) => sum + n, 0),
    counts,
    expectedGraph: {
      nodes: c.brands + c.assets + c.templates + usedHexes.size + usedIndustries.size + shapes.shapes,
      // OWNS_COLOR, GENERATED_ASSET, USES_COLOR, RECEIVED_FEEDBACK, HAS_TEMPLATE, BASED_ON_ASSET, IN_INDUSTRY, PAIRS_WITH,
      // HAS_SHAPE, HAS_COMMON
      relationships:
        c.brand_colors + c.assets + c.asset_colors + c.feedback + c.templates + sourcedTemplates + c.brands + colorPairs + shapes.members + shapes.links,
    },
    sample,
  };
}

/**
 * The projector's palette shapes (paletteShapes.ts) after a backfill, when owner counts only grew:
 * the common colors are those with at least the default mark of owners; a shape per distinct
 * (common colors, other colors) of a brand owning one, each brand holding its own, each shape linked
 * to its common colors.
 */
async function countPaletteShapes(client: pg.Client): Promise<{ shapes: number; members: number; links: number }> {
  const { rows } = await client.query<{ shapes: number; members: number; links: number }>(
    `WITH common AS (SELECT hex FROM brand_colors GROUP BY hex HAVING count(*) >= $1),
          brand_shapes AS (
            SELECT string_agg(c.hex, '' ORDER BY c.hex COLLATE "C") AS common_hexes, count(c.hex) AS common_count,
                   count(*) - count(c.hex) AS others
            FROM brand_colors bc LEFT JOIN common c ON c.hex = bc.hex
            GROUP BY bc.brand_id HAVING count(c.hex) > 0),
          shapes AS (SELECT DISTINCT common_hexes, others, common_count FROM brand_shapes)
     SELECT (SELECT count(*) FROM shapes)::int AS shapes, (SELECT count(*) FROM brand_shapes)::int AS members,
            (SELECT coalesce(sum(common_count), 0) FROM shapes)::int AS links`,
    [DEFAULT_COMMON_COLOR_OWNERS],
  );
  return rows[0]!;
}

/** The projector's PAIRS_WITH: one per two colors some approved asset uses together (colorPairCounts.ts). */
async function countColorPairs(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ pairs: number }>(`
    SELECT count(*)::int AS pairs FROM (
      SELECT DISTINCT x.hex, y.hex
      FROM asset_colors x JOIN asset_colors y ON y.asset_id = x.asset_id AND y.hex COLLATE "C" > x.hex COLLATE "C"
      WHERE EXISTS (SELECT 1 FROM feedback f WHERE f.asset_id = x.asset_id AND f.action = 'approve')
    ) AS pairs`);
  return rows[0]!.pairs;
}

// A generated brand world at the scale, written straight into the bench's own stores:
// organizations and brands in Postgres (the rows GraphQL resolves a Brand from), and the graph
// with the seed plan's labels through batched UNWIND Cypher. Deterministic (seeded PRNG), so two
// runs measure the same data; a marker node lets a rerun at the same scale skip seeding.
import { seededRandom } from "../src/domain/seededRandom.ts";
import { randomUUID } from "node:crypto";
import { ensureGraphSchema } from "../src/graph/ensureGraphSchema.ts";
import type { GraphConnection } from "../src/http/deps.ts";
import type { PrismaClient } from "../src/postgres/createPrisma.ts";

export interface BenchScale {
  readonly organizations: number;
  readonly brands: number;
  readonly palette: number;
  readonly assets: number;
}

export interface BenchData {
  readonly brandIds: string[];
  readonly hexes: string[];
}

const BATCH = 2_000;


export async function seedBenchData(prisma: PrismaClient, graph: GraphConnection, scale: BenchScale): Promise<BenchData> {
  const run = (text: string, params: Record<string, unknown> = {}) => graph.driver.executeQuery(text, params, { database: graph.database });
  const key = JSON.stringify(scale);
  const random = seededRandom(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const hexes = Array.from({ length: scale.palette }, (_, i) => `#${((i * 2654435761) % 0xffffff).toString(16).toUpperCase().padStart(6, "0")}`);

  const marker = await run("MATCH (s:BenchSeed {scale: $key}) RETURN s.brand_ids AS ids", { key });
  if (marker.records.length) return { brandIds: marker.records[0]!.get("ids"), hexes };

  console.log(`seeding ${key} …`);
  // The bench's own Neo4j: wiping it is safe. IN TRANSACTIONS needs an auto-commit statement.
  const wipe = graph.driver.session({ database: graph.database });
  await wipe.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").finally(() => wipe.close());
  await ensureGraphSchema(graph.driver, graph.database);
  await prisma.$executeRawUnsafe("TRUNCATE organizations CASCADE");

  const organizationIds = Array.from({ length: scale.organizations }, () => randomUUID());
  await prisma.organization.createMany({ data: organizationIds.map((id, i) => ({ id, name: `Bench org ${i}` })) });
  // Brands draw most colors from their organization's theme (12 neighbouring palette colors), so
  // palettes overlap the way real ones do and similarBrands has real candidates to rank.
  const themeOf = (org: number) => hexes.slice((org % 100) * 5, (org % 100) * 5 + 12);
  const brands = Array.from({ length: scale.brands }, (_, i) => {
    const theme = themeOf(i % scale.organizations);
    const palette = new Set<string>();
    const size = 4 + Math.floor(random() * 5);
    while (palette.size < size) palette.add(random() < 0.7 && theme.length ? pick(theme) : pick(hexes));
    return { id: randomUUID(), organizationId: organizationIds[i % scale.organizations]!, name: `Bench brand ${i}`, palette: [...palette] };
  });
  for (let i = 0; i < brands.length; i += BATCH) {
    const batch = brands.slice(i, i + BATCH);
    await prisma.brand.createMany({ data: batch.map(({ id, organizationId, name }) => ({ id, organizationId, name })) });
  }

  await run("UNWIND $hexes AS hex MERGE (c:Color {hex: hex}) SET c.name = 'Bench ' + hex", { hexes });
  for (let i = 0; i < brands.length; i += BATCH) {
    const rows = brands.slice(i, i + BATCH).map((b) => ({
      ...b,
      colors: b.palette.map((hex, n) => ({ hex, usage: n === 0 ? "primary" : "accent", weight: Math.round(random() * 100) / 100 })),
    }));
    await run(
      `UNWIND $rows AS row
       CREATE (b:Brand {brand_id: row.id, organization_id: row.organizationId, name: row.name, learning_active: false,
                        feedback_count: 0, created_at: datetime(), updated_at: datetime()})
       WITH b, row UNWIND row.colors AS color
       MATCH (c:Color {hex: color.hex})
       CREATE (b)-[:OWNS_COLOR {usage: color.usage, usage_weight: color.weight, context: 'bench'}]->(c)`,
      { rows },
    );
  }

  for (let i = 0; i < scale.assets; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, scale.assets - i) }, (_, n) => {
      const brand = pick(brands);
      const colors = new Set([pick(brand.palette), pick(brand.palette), pick(brand.palette), pick(hexes)]);
      return {
        id: `bench-asset-${i + n}`,
        brandId: brand.id,
        score: Math.round(random() * 100) / 100,
        colors: [...colors],
        feedback: random() < 0.5 ? "approve" : random() < 0.5 ? "reject" : null,
      };
    });
    await run(
      `UNWIND $rows AS row
       MATCH (b:Brand {brand_id: row.brandId})
       CREATE (b)-[:GENERATED_ASSET]->(a:Asset {asset_id: row.id, prompt: 'bench', compliance_score: row.score,
                                                status: 'generated', created_at: datetime()})
       FOREACH (f IN CASE WHEN row.feedback IS NULL THEN [] ELSE [row.feedback] END |
         CREATE (a)-[:RECEIVED_FEEDBACK {feedback_id: row.id + '-f', action: f, timestamp: datetime()}]->(a))
       WITH a, row UNWIND row.colors AS hex
       MATCH (c:Color {hex: hex})
       CREATE (a)-[:USES_COLOR {coverage: 0.25}]->(c)`,
      { rows },
    );
  }
  const brandIds = brands.map((b) => b.id);
  await run("CREATE (:BenchSeed {scale: $key, brand_ids: $brandIds})", { key, brandIds });
  return { brandIds, hexes };
}

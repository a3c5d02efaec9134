// Test data for the relationship queries, written the way the sync will write it: Postgres rows
// through Prisma (the truth) and the matching graph through Cypher with the seed plan's names, its
// color pair counts and palette shapes kept by the projector's own statements.
// Every id and hex is fresh per fixture set, so parallel tests never see each other's data, and
// cleanup deletes exactly what this set created (never the whole graph).
import { randomBytes, randomUUID } from "node:crypto";
import type { GatewayDeps } from "../../src/gateway/gatewayDeps.ts";
import { colorPairCypher, PAIRS_MARK } from "../../src/projector/colorPairCounts.ts";
import { paletteShapeCypher } from "../../src/projector/paletteShapes.ts";
import { removeGraphSlice } from "./removeGraphSlice.ts";

export interface PaletteColor {
  readonly hex: string;
  readonly name?: string;
  readonly usage?: string;
  readonly usageWeight?: number;
  readonly context?: string;
}

export interface AssetSpec {
  readonly colors: readonly string[];
  readonly complianceScore?: number;
  readonly feedback?: ReadonlyArray<"approve" | "reject">;
}

/** A fresh '#RRGGBB' no other test uses (24 random bits). */
export const uniqueHex = () => `#${randomBytes(3).toString("hex").toUpperCase()}`;

export function graphFixtures({ prisma, graph }: Pick<GatewayDeps, "prisma" | "graph">) {
  if (!graph) throw new Error("graphFixtures needs a graph connection");
  const created = { organizations: [] as string[], brands: [] as string[], assets: [] as string[], hexes: new Set<string>() };
  const cypher = (text: string, params: Record<string, unknown>) =>
    graph.driver.executeQuery(text, params, { database: graph.database });
  const inOneTransaction = async (statements: readonly string[], params: Record<string, unknown>) => {
    const session = graph.driver.session({ database: graph.database });
    try {
      await session.executeWrite(async (tx) => {
        for (const statement of statements) await tx.run(statement, params);
      });
    } finally {
      await session.close();
    }
  };

  return {
    /** n fresh colors, remembered for cleanup. */
    hexes(n: number): string[] {
      const hexes = Array.from({ length: n }, uniqueHex);
      hexes.forEach((hex) => created.hexes.add(hex));
      return hexes;
    },

    async organization(): Promise<string> {
      const { id } = await prisma.organization.create({ data: { name: `Org ${randomUUID()}` } });
      created.organizations.push(id);
      return id;
    },

    async brand(organizationId: string, palette: readonly PaletteColor[], name = `Brand ${randomUUID().slice(0, 8)}`) {
      const brand = await prisma.brand.create({
        data: { organizationId, name, colors: { create: palette.map((c) => ({ ...c })) } },
      });
      created.brands.push(brand.id);
      palette.forEach((c) => created.hexes.add(c.hex));
      await cypher(
        `MERGE (b:Brand {brand_id: $id})
         SET b.organization_id = $organizationId, b.name = $name, b.learning_active = false,
             b.feedback_count = 0, b.created_at = datetime($createdAt), b.updated_at = datetime($createdAt)
         WITH b UNWIND $palette AS color
         MERGE (c:Color {hex: color.hex})
         MERGE (b)-[r:OWNS_COLOR]->(c)
         SET r.name = color.name, r.usage = color.usage, r.usage_weight = color.usageWeight, r.context = color.context`,
        { id: brand.id, organizationId, name, createdAt: brand.createdAt.toISOString(), palette },
      );
      await cypher(paletteShapeCypher.reshapeBrands, { brandIds: [brand.id] });
      return brand;
    },

    async asset(brandId: string, { colors, complianceScore, feedback = [] }: AssetSpec): Promise<string> {
      const asset = await prisma.asset.create({
        data: { brandId, prompt: "fixture", complianceScore, colors: { create: colors.map((hex) => ({ hex, coverage: 0.25 })) } },
      });
      created.assets.push(asset.id);
      colors.forEach((hex) => created.hexes.add(hex));
      const given = await Promise.all(
        feedback.map((action) => prisma.feedback.create({ data: { assetId: asset.id, brandId, action } })),
      );
      // Created marked, in one transaction with the projector's addition of its pairs.
      await inOneTransaction([
        `MATCH (b:Brand {brand_id: $brandId})
         CREATE (a:Asset:${PAIRS_MARK} {asset_id: $id, organization_id: b.organization_id, prompt: 'fixture',
                          compliance_score: $complianceScore, status: 'generated', created_at: datetime($createdAt)})
         MERGE (b)-[:GENERATED_ASSET]->(a)
         FOREACH (hex IN $colors | MERGE (c:Color {hex: hex}) MERGE (a)-[:USES_COLOR {coverage: 0.25, source: 'declared'}]->(c))
         FOREACH (f IN $feedback |
           CREATE (a)-[:RECEIVED_FEEDBACK {feedback_id: f.id, action: f.action, timestamp: datetime($createdAt)}]->(a))`,
        colorPairCypher.assertPairs,
      ], {
        brandId,
        id: asset.id,
        complianceScore: complianceScore ?? null,
        createdAt: asset.createdAt.toISOString(),
        colors,
        feedback: given.map((f) => ({ id: f.id, action: f.action })),
      });
      return asset.id;
    },

    async cleanup(): Promise<void> {
      await removeGraphSlice(graph.driver, graph.database, created);
      await prisma.organization.deleteMany({ where: { id: { in: created.organizations } } });
    },
  };
}

export type GraphFixtures = ReturnType<typeof graphFixtures>;

// A test's own slice of the graph, read two ways: from Neo4j as it is, and derived from Postgres
// as a full rebuild would write it (written here independently of the projector, so a projector
// bug cannot hide in both). Tests share one Neo4j, so only the scope's ids and hexes are read.
import type { GraphConnection } from "../../src/graph/graphConnection.ts";
import type { PrismaClient } from "../../src/postgres/createPrisma.ts";
import type { TestScope } from "./syncedWrites.ts";

type Props = Record<string, unknown>;

export interface GraphSlice {
  brands: Props[];
  colors: Props[];
  assets: Props[];
  templates: Props[];
  ownsColor: Props[];
  generatedAsset: Props[];
  usesColor: Props[];
  receivedFeedback: Props[];
  hasTemplate: Props[];
  basedOnAsset: Props[];
}

const SLICE_CYPHER = `
  CALL () { MATCH (n:Brand) WHERE n.brand_id IN $brands RETURN collect(properties(n)) AS brands }
  CALL () { MATCH (n:Color) WHERE n.hex IN $hexes RETURN collect(properties(n)) AS colors }
  CALL () { MATCH (n:Asset) WHERE n.asset_id IN $assets RETURN collect(properties(n)) AS assets }
  CALL () { MATCH (n:Template) WHERE n.template_id IN $templates RETURN collect(properties(n)) AS templates }
  CALL () {
    MATCH (b:Brand)-[r:OWNS_COLOR]->(c) WHERE b.brand_id IN $brands OR c.hex IN $hexes
    RETURN collect(r {.*, brand_id: b.brand_id, hex: c.hex, target: labels(c)}) AS ownsColor
  }
  CALL () {
    MATCH (b)-[r:GENERATED_ASSET]->(a) WHERE b.brand_id IN $brands OR a.asset_id IN $assets
    RETURN collect({brand_id: b.brand_id, asset_id: a.asset_id, source: labels(b), target: labels(a)}) AS generatedAsset
  }
  CALL () {
    MATCH (a)-[r:USES_COLOR]->(c) WHERE a.asset_id IN $assets OR c.hex IN $hexes
    RETURN collect(r {.*, asset_id: a.asset_id, hex: c.hex, color_source: r.source, source: labels(a), target: labels(c)}) AS usesColor
  }
  CALL () {
    MATCH (a)-[r:RECEIVED_FEEDBACK]->(x) WHERE a.asset_id IN $assets OR r.feedback_id IN $feedback
    RETURN collect(r {.*, asset_id: a.asset_id, self_loop: a = x}) AS receivedFeedback
  }
  CALL () {
    MATCH (b)-[r:HAS_TEMPLATE]->(t) WHERE b.brand_id IN $brands OR t.template_id IN $templates
    RETURN collect({brand_id: b.brand_id, template_id: t.template_id, source: labels(b), target: labels(t)}) AS hasTemplate
  }
  CALL () {
    MATCH (t)-[r:BASED_ON_ASSET]->(a) WHERE t.template_id IN $templates OR a.asset_id IN $assets
    RETURN collect({template_id: t.template_id, asset_id: a.asset_id, source: labels(t), target: labels(a)}) AS basedOnAsset
  }
  RETURN *`;

export async function readGraphSlice(graph: GraphConnection, scope: TestScope): Promise<GraphSlice> {
  const { records } = await graph.driver.executeQuery(
    SLICE_CYPHER,
    {
      brands: [...scope.brands],
      hexes: [...scope.hexes],
      assets: [...scope.assets],
      templates: [...scope.templates],
      feedback: [...scope.feedback],
    },
    { database: graph.database },
  );
  const record = records[0]!;
  const slice = Object.fromEntries(
    (Object.keys(emptySlice()) as (keyof GraphSlice)[]).map((key) => [key, normalise(record.get(key) as Props[])]),
  );
  return slice as unknown as GraphSlice;
}

export async function expectedGraphSlice(prisma: PrismaClient, scope: TestScope): Promise<GraphSlice> {
  const brands = await prisma.brand.findMany({ where: { id: { in: [...scope.brands] } }, include: { colors: true } });
  const organizationOf = { brand: { select: { organizationId: true } } } as const;
  const assets = await prisma.asset.findMany({ where: { id: { in: [...scope.assets] } }, include: { colors: true, ...organizationOf } });
  const feedback = await prisma.feedback.findMany({ where: { assetId: { in: assets.map((a) => a.id) } } });
  const templates = await prisma.template.findMany({ where: { id: { in: [...scope.templates] } }, include: organizationOf });
  const palette = await prisma.brandColor.findMany({ where: { hex: { in: [...scope.hexes] } } });
  const assetColors = await prisma.assetColor.findMany({ where: { hex: { in: [...scope.hexes] } } });
  const usedHexes = new Set([...palette, ...assetColors].map((c) => c.hex));
  const iso = (d: Date) => d.toISOString();
  return normaliseSlice({
    brands: brands.map((b) => ({
      brand_id: b.id,
      organization_id: b.organizationId,
      name: b.name,
      learning_active: b.learningActive,
      feedback_count: b.feedbackCount,
      created_at: iso(b.createdAt),
      updated_at: iso(b.updatedAt),
    })),
    // A Color node is its hex alone; palette names are each brand's, on its OWNS_COLOR.
    colors: [...usedHexes].map((hex) => ({ hex })),
    assets: assets.map((a) => ({
      asset_id: a.id,
      organization_id: a.brand.organizationId,
      prompt: a.prompt,
      image_url: a.imageUrl,
      compliance_score: a.complianceScore,
      status: a.status,
      created_at: iso(a.createdAt),
    })),
    templates: templates.map((t) => ({
      template_id: t.id,
      organization_id: t.brand.organizationId,
      name: t.name,
      description: t.description,
      created_at: iso(t.createdAt),
    })),
    ownsColor: brands
      .flatMap((b) => b.colors)
      .map((c) => ({
        brand_id: c.brandId,
        hex: c.hex,
        name: c.name,
        usage: c.usage,
        usage_weight: c.usageWeight,
        context: c.context,
        target: ["Color"],
      })),
    generatedAsset: assets.map((a) => ({ brand_id: a.brandId, asset_id: a.id, source: ["Brand"], target: ["Asset"] })),
    usesColor: assets.flatMap((a) =>
      a.colors.map((c) => ({ asset_id: a.id, hex: c.hex, coverage: c.coverage, color_source: c.source, on_palette: c.onPalette, source: ["Asset"], target: ["Color"] })),
    ),
    receivedFeedback: feedback.map((f) => ({
      feedback_id: f.id,
      asset_id: f.assetId,
      action: f.action,
      reason: f.reason,
      timestamp: iso(f.createdAt),
      self_loop: true,
    })),
    hasTemplate: templates.map((t) => ({ brand_id: t.brandId, template_id: t.id, source: ["Brand"], target: ["Template"] })),
    basedOnAsset: templates
      .filter((t) => t.sourceAssetId !== null)
      .map((t) => ({ template_id: t.id, asset_id: t.sourceAssetId, source: ["Template"], target: ["Asset"] })),
  });
}

/** The slice of a test whose entities are all gone. */
export function emptySlice(): GraphSlice {
  return {
    brands: [],
    colors: [],
    assets: [],
    templates: [],
    ownsColor: [],
    generatedAsset: [],
    usesColor: [],
    receivedFeedback: [],
    hasTemplate: [],
    basedOnAsset: [],
  };
}

/** Neo4j stores no null properties and returns datetimes as objects: compare plain, sorted rows. */
function normalise(rows: Props[]): Props[] {
  return rows
    .map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([, v]) => v !== null && v !== undefined)
          .map(([k, v]) => [k, toPlain(v)])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function normaliseSlice(slice: GraphSlice): GraphSlice {
  return Object.fromEntries(Object.entries(slice).map(([k, rows]) => [k, normalise(rows)])) as unknown as GraphSlice;
}

function toPlain(value: unknown): unknown {
  if (value && typeof value === "object" && "toStandardDate" in value) {
    return (value as { toStandardDate(): Date }).toStandardDate().toISOString();
  }
  return value;
}

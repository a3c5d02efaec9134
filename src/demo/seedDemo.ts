// Writes the demo data set through the stores in one transaction, so its outbox events are
// recorded (by the capture triggers) like any mutation's and the graph is built by the same sync.
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { parseCreateAssetInput } from "../domain/assetInput.ts";
import { parseCreateBrandInput } from "../domain/brandInput.ts";
import { assetStore } from "../stores/assetStore.ts";
import { brandStore } from "../stores/brandStore.ts";
import { feedbackStore } from "../stores/feedbackStore.ts";
import { type Committed, commitWrite, inTransaction } from "../stores/inTransaction.ts";
import type { RawSql } from "../postgres/rawSql.ts";
import { organizationStore } from "../stores/organizationStore.ts";
import { templateStore } from "../stores/templateStore.ts";
import { DEMO_COLORS, DEMO_COMPLIANCE, DEMO_COVERAGES, DEMO_ORGANIZATIONS, DEMO_PROMPTS, DEMO_USAGES, DEMO_WEIGHTS, type DemoBrand } from "./demoData.ts";

export interface DemoSummary {
  readonly organizations: number;
  readonly brands: number;
  readonly assets: number;
  readonly feedback: number;
  readonly templates: number;
}

/** Seeds the demo set when the database has no organization yet; null when it had some. */
export async function seedDemoIfEmpty(deps: Pick<GatewayDeps, "sql" | "sync">): Promise<DemoSummary | null> {
  return (await seedDemoEventsIfEmpty(deps)).result;
}

/** seedDemoIfEmpty with the outbox events it committed, for a caller that waits for the graph to apply them. */
export function seedDemoEventsIfEmpty(deps: Pick<GatewayDeps, "sql" | "sync">): Promise<Committed<DemoSummary | null>> {
  return commitWrite(deps, async (tx) => {
    if ((await organizationStore.countExclusively(tx)) > 0) return null;
    return writeDemo(tx);
  });
}

/** Seeds the demo set whatever the database holds (a second run adds a second copy). */
export const seedDemo = (deps: Pick<GatewayDeps, "sql" | "sync">): Promise<DemoSummary> => inTransaction(deps, writeDemo);

async function writeDemo(tx: RawSql): Promise<DemoSummary> {
  const counts = { organizations: 0, brands: 0, assets: 0, feedback: 0, templates: 0 };
  let brandIndex = 0;
  for (const org of DEMO_ORGANIZATIONS) {
    const organization = await organizationStore.create(tx, { name: org.name, plan: org.plan });
    counts.organizations++;
    for (const demoBrand of org.brands) {
      const brand = await brandStore.create(tx, parseCreateBrandInput(brandInput(organization.id, demoBrand)));
      counts.brands++;
      let firstApproved: string | null = null;
      for (const [a, prompt] of DEMO_PROMPTS.entries()) {
        // Deterministic variety: 3–5 colors, a compliance score, and feedback that follows it.
        const score = DEMO_COMPLIANCE[(brandIndex * DEMO_PROMPTS.length + a) % DEMO_COMPLIANCE.length]!;
        const action = score >= 0.7 ? "approve" : "reject";
        const used = demoBrand.palette.slice(0, Math.min(3 + ((brandIndex + a) % 3), demoBrand.palette.length));
        const asset = await assetStore.create(
          tx,
          parseCreateAssetInput({
            brandId: brand.id,
            prompt: `${demoBrand.name}: ${prompt}`,
            imageUrl: `https://images.example.com/${slug(demoBrand.name)}/${a + 1}.png`,
            complianceScore: score,
            status: action === "approve" ? "approved" : "rejected",
            colors: used.map((color, i) => ({ hex: DEMO_COLORS[color].hex, coverage: DEMO_COVERAGES[i] })),
          }),
        );
        await feedbackStore.record(tx, { assetId: asset.id, action, reason: action === "approve" ? "On brand" : "Palette too far from the guidelines" });
        counts.assets++;
        counts.feedback++;
        firstApproved ??= action === "approve" ? asset.id : null;
      }
      await templateStore.create(tx, {
        brandId: brand.id,
        name: `${demoBrand.name} campaign`,
        description: "Layout and palette of the brand's best-rated asset",
        sourceAssetId: firstApproved,
      });
      counts.templates++;
      brandIndex++;
    }
  }
  return counts;
}

const brandInput = (organizationId: string, brand: DemoBrand) => ({
  organizationId,
  name: brand.name,
  industry: brand.industry,
  learningActive: brand.learningActive,
  colors: brand.palette.map((color, i) => ({
    ...DEMO_COLORS[color],
    usage: DEMO_USAGES[i],
    usageWeight: DEMO_WEIGHTS[i],
    context: i === 0 ? "logo and headlines" : null,
  })),
});

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

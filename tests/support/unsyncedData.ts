// Data as it sits in a database whose graph was never built: rows written the way mutations write
// them, with the kill switch on, and their outbox events then marked applied — as if they predate
// the sync — so no drainer of a concurrent test projects them before the backfill under test does.
import { randomUUID } from "node:crypto";
import type { GatewayDeps } from "../../src/gateway/gatewayDeps.ts";
import { parseRunOptions, type RunInput, type RunMode } from "../../src/backfill/backfillOptions.ts";
import { runBackfill, type RunControl } from "../../src/backfill/runBackfill.ts";
import { newScope, syncedWrites, uniqueHex, type TestScope } from "./syncedWrites.ts";

export interface UnsyncedData {
  readonly scope: TestScope;
  readonly organizationId: string;
  readonly brandIds: string[];
  readonly assetIds: string[];
}

/** One organization: 3 brands with palettes (one hex shared), 3 assets with colors, 2 feedback, 2 templates. */
export async function seedUnsynced(deps: GatewayDeps): Promise<UnsyncedData> {
  const scope = newScope();
  const writes = syncedWrites(deps, scope);
  const [red, green, blue, shared] = [uniqueHex(scope), uniqueHex(scope), uniqueHex(scope), uniqueHex(scope)];
  const org = await writes.createOrganization();
  const brands = [
    await writes.createBrand({
      organizationId: org.id,
      name: "Acme",
      learningActive: true,
      colors: [
        { hex: red, name: "Red", usage: "primary", usageWeight: 0.7, context: "logo" },
        { hex: shared, name: "Beta", usage: "accent", usageWeight: 0.3 },
      ],
    }),
    await writes.createBrand({ organizationId: org.id, name: "Bolt", colors: [{ hex: shared, name: "Alpha", usageWeight: 1 }] }),
    await writes.createBrand({ organizationId: org.id, name: "Core", colors: [{ hex: green }] }),
  ];
  const assets = [
    await writes.createAsset({ brandId: brands[0]!.id, prompt: "sunset", complianceScore: 0.9, colors: [{ hex: red, coverage: 0.5 }, { hex: blue, coverage: 0.2 }] }),
    await writes.createAsset({ brandId: brands[0]!.id, prompt: "sea", status: "approved", colors: [{ hex: shared, coverage: 1 }] }),
    await writes.createAsset({ brandId: brands[1]!.id, prompt: "bolt", imageUrl: `https://img/${randomUUID()}` }),
  ];
  await writes.recordFeedback({ assetId: assets[0]!.id, action: "approve", reason: "on brand" });
  await writes.recordFeedback({ assetId: assets[2]!.id, action: "reject" });
  await writes.createTemplate({ brandId: brands[0]!.id, name: "Hero", description: "from sunset", sourceAssetId: assets[0]!.id });
  await writes.createTemplate({ brandId: brands[2]!.id, name: "Blank" });
  await deps.prisma.syncEvent.updateMany({ where: { id: { in: scope.eventIds } }, data: { appliedAt: new Date() } });
  return { scope, organizationId: org.id, brandIds: brands.map((b) => b.id), assetIds: assets.map((a) => a.id) };
}

/** A backfill or reconcile of one organization only: tests share Postgres and Neo4j. */
export function runFor(deps: GatewayDeps, mode: RunMode, organizationId: string, input: Omit<RunInput, "organizationIds">, control: RunControl = {}) {
  return runBackfill(
    { prisma: deps.prisma, graph: deps.graph! },
    parseRunOptions(mode, { ...input, organizationIds: [organizationId] }),
    control,
  );
}

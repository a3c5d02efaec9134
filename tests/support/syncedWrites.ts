// Writes driven exactly as the GraphQL mutations drive them: rows and their outbox events in one
// Prisma transaction (recordChanges), then sync.afterCommit with the committed event ids. Every id
// written is remembered in the scope, so a test can compare exactly its own slice of the graph.
import { randomUUID } from "node:crypto";
import type { GatewayDeps } from "../../src/http/deps.ts";
import type { EntityChange } from "../../src/sync/entityChange.ts";
import type { AfterCommitOptions } from "../../src/sync/graphSync.ts";
import { recordChanges, type TransactionClient } from "../../src/sync/recordChanges.ts";

export interface TestScope {
  readonly brands: Set<string>;
  readonly assets: Set<string>;
  readonly feedback: Set<string>;
  readonly templates: Set<string>;
  readonly hexes: Set<string>;
  readonly eventIds: bigint[];
}

export const newScope = (): TestScope => ({
  brands: new Set(),
  assets: new Set(),
  feedback: new Set(),
  templates: new Set(),
  hexes: new Set(),
  eventIds: [],
});

/** A hex no other test uses, so Color names and orphan removal are this test's alone. */
export function uniqueHex(scope: TestScope): string {
  const hex = `#${randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase()}`;
  scope.hexes.add(hex);
  return hex;
}

export interface ColorInput {
  hex: string;
  name?: string | null;
  usage?: string | null;
  usageWeight?: number | null;
  context?: string | null;
}

export interface Written<T = string> {
  readonly id: T;
  readonly eventIds: bigint[];
}

export function syncedWrites(deps: GatewayDeps, scope: TestScope, afterCommit: AfterCommitOptions = {}) {
  async function commit<T>(write: (tx: TransactionClient) => Promise<{ id: T; changes: EntityChange[] }>) {
    const { id, eventIds } = await deps.prisma.$transaction(async (tx) => {
      const { id, changes } = await write(tx);
      return { id, eventIds: await recordChanges(tx, changes) };
    });
    scope.eventIds.push(...eventIds);
    await deps.sync.afterCommit(eventIds, afterCommit);
    return { id, eventIds };
  }

  const cascadeOfAsset = async (tx: TransactionClient, assetId: string): Promise<EntityChange[]> => {
    const feedback = await tx.feedback.findMany({ where: { assetId }, select: { id: true } });
    const templates = await tx.template.findMany({ where: { sourceAssetId: assetId }, select: { id: true } });
    return [
      ...feedback.map((f) => ({ entity: "feedback" as const, id: f.id, operation: "delete" as const })),
      ...templates.map((t) => ({ entity: "template" as const, id: t.id, operation: "upsert" as const })),
    ];
  };

  return {
    createOrganization: () =>
      commit(async (tx) => {
        const org = await tx.organization.create({ data: { name: `org ${randomUUID()}` } });
        return { id: org.id, changes: [{ entity: "organization", id: org.id, operation: "upsert" }] };
      }),

    createBrand: (input: { organizationId: string; name?: string; learningActive?: boolean; colors?: ColorInput[] }) =>
      commit(async (tx) => {
        const brand = await tx.brand.create({
          data: {
            organizationId: input.organizationId,
            name: input.name ?? "Brand",
            learningActive: input.learningActive ?? false,
            colors: { create: (input.colors ?? []).map(colorRow) },
          },
        });
        scope.brands.add(brand.id);
        return { id: brand.id, changes: [{ entity: "brand", id: brand.id, operation: "upsert" }] };
      }),

    updateBrand: (id: string, input: { name?: string; learningActive?: boolean; colors?: ColorInput[] }) =>
      commit(async (tx) => {
        await tx.brand.update({
          where: { id },
          data: {
            name: input.name,
            learningActive: input.learningActive,
            ...(input.colors ? { colors: { deleteMany: {}, create: input.colors.map(colorRow) } } : {}),
          },
        });
        return { id, changes: [{ entity: "brand", id, operation: "upsert" }] };
      }),

    deleteBrand: (id: string) =>
      commit(async (tx) => {
        const assets = await tx.asset.findMany({ where: { brandId: id }, select: { id: true } });
        const feedback = await tx.feedback.findMany({ where: { brandId: id }, select: { id: true } });
        const templates = await tx.template.findMany({ where: { brandId: id }, select: { id: true } });
        await tx.brand.delete({ where: { id } });
        const deleted = (entity: EntityChange["entity"], rows: { id: string }[]) =>
          rows.map((r) => ({ entity, id: r.id, operation: "delete" as const }));
        return {
          id,
          changes: [
            { entity: "brand", id, operation: "delete" },
            ...deleted("asset", assets),
            ...deleted("feedback", feedback),
            ...deleted("template", templates),
          ],
        };
      }),

    createAsset: (input: {
      brandId: string;
      prompt?: string;
      imageUrl?: string | null;
      complianceScore?: number | null;
      status?: string;
      colors?: { hex: string; coverage?: number | null }[];
    }) =>
      commit(async (tx) => {
        const asset = await tx.asset.create({
          data: {
            brandId: input.brandId,
            prompt: input.prompt ?? "a prompt",
            imageUrl: input.imageUrl,
            complianceScore: input.complianceScore,
            status: input.status,
            colors: { create: (input.colors ?? []).map((c) => ({ hex: c.hex, coverage: c.coverage })) },
          },
        });
        scope.assets.add(asset.id);
        return { id: asset.id, changes: [{ entity: "asset", id: asset.id, operation: "upsert" }] };
      }),

    updateAsset: (
      id: string,
      input: { prompt?: string; status?: string; complianceScore?: number | null; colors?: { hex: string; coverage?: number | null }[] },
    ) =>
      commit(async (tx) => {
        await tx.asset.update({
          where: { id },
          data: {
            prompt: input.prompt,
            status: input.status,
            complianceScore: input.complianceScore,
            ...(input.colors
              ? { colors: { deleteMany: {}, create: input.colors.map((c) => ({ hex: c.hex, coverage: c.coverage })) } }
              : {}),
          },
        });
        return { id, changes: [{ entity: "asset", id, operation: "upsert" }] };
      }),

    deleteAsset: (id: string) =>
      commit(async (tx) => {
        const cascade = await cascadeOfAsset(tx, id);
        await tx.asset.delete({ where: { id } });
        return { id, changes: [{ entity: "asset", id, operation: "delete" }, ...cascade] };
      }),

    recordFeedback: (input: { assetId: string; action: string; reason?: string | null }) =>
      commit(async (tx) => {
        const asset = await tx.asset.findUniqueOrThrow({ where: { id: input.assetId } });
        const feedback = await tx.feedback.create({
          data: { assetId: asset.id, brandId: asset.brandId, action: input.action, reason: input.reason },
        });
        await tx.brand.update({ where: { id: asset.brandId }, data: { feedbackCount: { increment: 1 } } });
        scope.feedback.add(feedback.id);
        return {
          id: feedback.id,
          changes: [
            { entity: "feedback", id: feedback.id, operation: "upsert" },
            { entity: "brand", id: asset.brandId, operation: "upsert" },
          ],
        };
      }),

    deleteFeedback: (id: string) =>
      commit(async (tx) => {
        await tx.feedback.delete({ where: { id } });
        return { id, changes: [{ entity: "feedback", id, operation: "delete" }] };
      }),

    createTemplate: (input: { brandId: string; name?: string; description?: string | null; sourceAssetId?: string | null }) =>
      commit(async (tx) => {
        const template = await tx.template.create({
          data: {
            brandId: input.brandId,
            name: input.name ?? "Template",
            description: input.description,
            sourceAssetId: input.sourceAssetId,
          },
        });
        scope.templates.add(template.id);
        return { id: template.id, changes: [{ entity: "template", id: template.id, operation: "upsert" }] };
      }),

    deleteTemplate: (id: string) =>
      commit(async (tx) => {
        await tx.template.delete({ where: { id } });
        return { id, changes: [{ entity: "template", id, operation: "delete" }] };
      }),
  };
}

export type SyncedWrites = ReturnType<typeof syncedWrites>;

const colorRow = (c: ColorInput) => ({
  hex: c.hex,
  name: c.name,
  usage: c.usage,
  usageWeight: c.usageWeight,
  context: c.context,
});

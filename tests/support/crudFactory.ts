// Seeds a test's own rows through the stores (the same path the mutations take, outbox included),
// each with a unique name, so tests sharing one database never see each other's data.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { AssetDraft } from "../../src/domain/assetInput.ts";
import type { BrandDraft } from "../../src/domain/brandInput.ts";
import type { TemplateDraft } from "../../src/domain/templateInput.ts";
import type { GatewayDeps } from "../../src/gateway/gatewayDeps.ts";
import { assetStore } from "../../src/stores/assetStore.ts";
import { brandStore } from "../../src/stores/brandStore.ts";
import { feedbackStore } from "../../src/stores/feedbackStore.ts";
import { inTransaction } from "../../src/stores/inTransaction.ts";
import { organizationStore } from "../../src/stores/organizationStore.ts";
import { templateStore } from "../../src/stores/templateStore.ts";

/** A well-formed UUIDv7 that no row has. */
export const UNKNOWN_ID = "019abcde-0000-7000-8000-00000000dead";

export const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

export function crudFactory(deps: Pick<GatewayDeps, "sql" | "sync">) {
  return {
    organization: (name = unique("Org")) => inTransaction(deps, (tx) => organizationStore.create(tx, { name })),
    brand: (organizationId: string, draft: Partial<BrandDraft> = {}) =>
      inTransaction(deps, (tx) =>
        brandStore.create(tx, { organizationId, name: unique("Brand"), learningActive: false, colors: [], ...draft }),
      ),
    asset: (brandId: string, draft: Partial<AssetDraft> = {}) =>
      inTransaction(deps, (tx) =>
        assetStore.create(tx, { brandId, prompt: unique("Prompt"), imageUrl: null, complianceScore: null, status: "generated", colors: [], ...draft }),
      ),
    feedback: (assetId: string, action: "approve" | "reject" = "approve") =>
      inTransaction(deps, (tx) => feedbackStore.record(tx, { assetId, action, reason: null })),
    template: (brandId: string, draft: Partial<TemplateDraft> = {}) =>
      inTransaction(deps, (tx) => templateStore.create(tx, { brandId, name: unique("Template"), description: null, sourceAssetId: null, ...draft })),
  };
}

/** The outbox rows recorded for these entity ids, as `entity:operation:id`, oldest first. */
export async function syncEventsFor(deps: GatewayDeps, ids: readonly string[]): Promise<string[]> {
  const rows = await deps.prisma.syncEvent.findMany({ where: { entityId: { in: [...ids] } }, orderBy: { id: "asc" } });
  return rows.map((r) => `${r.entityType}:${r.operation}:${r.entityId}`);
}

/** A GraphQL response that failed with exactly one error of this code naming this field. */
export function expectRefused(result: { data?: unknown; errors?: any[] }, code: string, field: string) {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions).toEqual({ code, field });
}

/** The newest outbox id now; pass it to orphanedEventsSince after the operation under test. */
export async function outboxMark(deps: GatewayDeps): Promise<bigint> {
  const last = await deps.prisma.syncEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

/**
 * Upsert events since `mark` that no committed state explains: the entity neither exists nor was
 * deleted later. A rolled-back mutation that leaked its outbox rows would show up here; other
 * tests' concurrent writes never do (one statement, one snapshot).
 */
export async function orphanedEventsSince(deps: GatewayDeps, mark: bigint): Promise<string[]> {
  const rows = await deps.prisma.$queryRaw<{ entity: string }[]>`
    SELECT e.entity_type || ':' || e.entity_id AS entity FROM sync_events e
    WHERE e.id > ${mark} AND e.operation = 'upsert'
      AND NOT EXISTS (SELECT 1 FROM sync_events d WHERE d.entity_id = e.entity_id AND d.operation = 'delete')
      AND NOT EXISTS (
        SELECT 1 FROM organizations WHERE id = e.entity_id UNION ALL SELECT 1 FROM brands WHERE id = e.entity_id
        UNION ALL SELECT 1 FROM assets WHERE id = e.entity_id UNION ALL SELECT 1 FROM feedback WHERE id = e.entity_id
        UNION ALL SELECT 1 FROM templates WHERE id = e.entity_id)`;
  return rows.map((r) => r.entity);
}

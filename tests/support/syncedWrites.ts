// Writes driven exactly as the GraphQL mutations drive them: the input parsed by the mutation's
// parser, written by its store and committed with its outbox events (commitWrite), then handed to
// sync.afterCommit. Only the defaults are the tests' own. Every id written is remembered in the
// scope, so a test can compare exactly its own slice of the graph.
import { randomUUID } from "node:crypto";
import { parseCreateAssetInput, parseUpdateAssetInput } from "../../src/domain/assetInput.ts";
import { parseCreateBrandInput, parseUpdateBrandInput } from "../../src/domain/brandInput.ts";
import { parseRecordFeedbackInput, parseUpdateFeedbackInput } from "../../src/domain/feedbackInput.ts";
import { parseCreateOrganizationInput } from "../../src/domain/organizationInput.ts";
import { parseCreateTemplateInput } from "../../src/domain/templateInput.ts";
import type {
  CreateAssetInput,
  CreateBrandInput,
  CreateTemplateInput,
  RecordFeedbackInput,
  UpdateFeedbackInput,
  UpdateAssetInput,
  UpdateBrandInput,
} from "../../src/generated/graphql.ts";
import type { GatewayDeps } from "../../src/gateway/gatewayDeps.ts";
import { assetStore } from "../../src/stores/assetStore.ts";
import { brandStore } from "../../src/stores/brandStore.ts";
import { feedbackStore } from "../../src/stores/feedbackStore.ts";
import { commitWrite, type Committed } from "../../src/stores/inTransaction.ts";
import type { RawSql } from "../../src/postgres/rawSql.ts";
import { organizationStore } from "../../src/stores/organizationStore.ts";
import { templateStore } from "../../src/stores/templateStore.ts";
import type { AfterCommitOptions } from "../../src/outbox/graphSync.ts";

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

/** The entity a write created, updated or deleted, and the outbox events it committed. */
export interface SyncedWrite {
  readonly id: string;
  readonly eventIds: bigint[];
}

/** A mutation input whose required text fields the tests may leave to a default. */
type WithDefaults<Input, Defaulted extends keyof Input> = Omit<Input, Defaulted> & Partial<Pick<Input, Defaulted>>;

export function syncedWrites(deps: GatewayDeps, scope: TestScope, afterCommit: AfterCommitOptions = {}) {
  async function commit<T>(write: (tx: RawSql) => Promise<T>): Promise<Committed<T>> {
    const committed = await commitWrite(deps, write, afterCommit);
    scope.eventIds.push(...committed.eventIds);
    return committed;
  }

  /** A create: the new row's id is remembered in `rows`. */
  async function created(rows: Set<string> | null, write: (tx: RawSql) => Promise<{ id: string }>): Promise<SyncedWrite> {
    const { result, eventIds } = await commit(write);
    rows?.add(result.id);
    return { id: result.id, eventIds };
  }

  /** An update or a delete of the row `id`. */
  async function changed(id: string, write: (tx: RawSql) => Promise<unknown>): Promise<SyncedWrite> {
    return { id, eventIds: (await commit(write)).eventIds };
  }

  return {
    createOrganization() {
      const draft = parseCreateOrganizationInput({ name: `org ${randomUUID()}` });
      return created(null, (tx) => organizationStore.create(tx, draft));
    },

    createBrand(input: WithDefaults<CreateBrandInput, "name">) {
      const draft = parseCreateBrandInput({ ...input, name: input.name ?? "Brand" });
      return created(scope.brands, (tx) => brandStore.create(tx, draft));
    },

    updateBrand(id: string, input: UpdateBrandInput) {
      const patch = parseUpdateBrandInput(input);
      return changed(id, (tx) => brandStore.update(tx, id, patch));
    },

    deleteBrand: (id: string) => changed(id, (tx) => brandStore.remove(tx, id)),

    createAsset(input: WithDefaults<CreateAssetInput, "prompt">) {
      const draft = parseCreateAssetInput({ ...input, prompt: input.prompt ?? "a prompt" });
      return created(scope.assets, (tx) => assetStore.create(tx, draft));
    },

    updateAsset(id: string, input: UpdateAssetInput) {
      const patch = parseUpdateAssetInput(input);
      return changed(id, (tx) => assetStore.update(tx, id, patch));
    },

    deleteAsset: (id: string) => changed(id, (tx) => assetStore.remove(tx, id)),

    recordFeedback(input: RecordFeedbackInput) {
      const draft = parseRecordFeedbackInput(input);
      return created(scope.feedback, (tx) => feedbackStore.record(tx, draft));
    },

    updateFeedback(id: string, input: UpdateFeedbackInput) {
      const patch = parseUpdateFeedbackInput(input);
      return changed(id, (tx) => feedbackStore.update(tx, id, patch));
    },

    deleteFeedback: (id: string) => changed(id, (tx) => feedbackStore.remove(tx, id)),

    createTemplate(input: WithDefaults<CreateTemplateInput, "name">) {
      const draft = parseCreateTemplateInput({ ...input, name: input.name ?? "Template" });
      return created(scope.templates, (tx) => templateStore.create(tx, draft));
    },

    deleteTemplate: (id: string) => changed(id, (tx) => templateStore.remove(tx, id)),
  };
}

export type SyncedWrites = ReturnType<typeof syncedWrites>;

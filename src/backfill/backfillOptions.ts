// What a backfill or reconcile run is asked to do, validated once at the edge: an unknown entity
// kind or a batch size out of bounds is the caller's mistake and names the argument.
import { badInput } from "../errors/codes.ts";

/** Graph entity kinds in dependency order: a child's parent node is written before the child. */
export const ENTITY_KINDS = ["brand", "asset", "feedback", "template"] as const;
export type GraphEntityKind = (typeof ENTITY_KINDS)[number];

/** Reconcile also checks Color nodes, which no single entity owns. */
export type ReconcileKind = GraphEntityKind | "color";
const RECONCILE_KINDS: readonly ReconcileKind[] = [...ENTITY_KINDS, "color"];

export type RunMode = "backfill" | "reconcile";

export const DEFAULT_BATCH_SIZE = 500;
export const MAX_BATCH_SIZE = 5_000;

export interface RunOptions {
  readonly mode: RunMode;
  readonly dryRun: boolean;
  readonly entities: readonly ReconcileKind[];
  readonly batchSize: number;
  /** Only these organizations' brands and what hangs off them; null: the whole database. */
  readonly organizationIds: readonly string[] | null;
}

export interface RunInput {
  readonly dryRun: boolean;
  readonly entities?: readonly string[] | null;
  readonly batchSize?: number | null;
  readonly organizationIds?: readonly string[] | null;
}

export function parseRunOptions(mode: RunMode, input: RunInput): RunOptions {
  return {
    mode,
    dryRun: input.dryRun,
    entities: parseEntities(mode, input.entities),
    batchSize: parseBatchSize(input.batchSize),
    organizationIds: input.organizationIds?.length ? [...new Set(input.organizationIds)] : null,
  };
}

function parseEntities(mode: RunMode, entities: readonly string[] | null | undefined): ReconcileKind[] {
  const allowed: readonly ReconcileKind[] = mode === "reconcile" ? RECONCILE_KINDS : ENTITY_KINDS;
  if (!entities) return [...allowed];
  const names = entities.map((e) => e.trim().toLowerCase());
  if (names.includes("organization")) {
    throw badInput("entities", `organizations have no node in the graph (brands carry organization_id); expected some of ${allowed.join(", ")}`);
  }
  const unknown = names.filter((n) => !allowed.includes(n as ReconcileKind));
  if (unknown.length > 0) {
    throw badInput("entities", `unknown entity kind ${unknown.map((u) => `"${u}"`).join(", ")}; expected some of ${allowed.join(", ")}`);
  }
  if (names.length === 0) throw badInput("entities", `name at least one of ${allowed.join(", ")}, or leave it out for all`);
  return allowed.filter((kind) => names.includes(kind));
}

function parseBatchSize(batchSize: number | null | undefined): number {
  if (batchSize === null || batchSize === undefined) return DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw badInput("batchSize", `must be an integer from 1 to ${MAX_BATCH_SIZE}`);
  }
  return batchSize;
}

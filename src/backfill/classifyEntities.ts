// Compares one batch's Postgres rows with what the graph holds for the same ids. Node properties
// and relationships are compared separately so reconcile can say which of the two drifted.
import { isDeepStrictEqual } from "node:util";
import type { EntityRef } from "../outbox/entityRef.ts";
import type { GraphState } from "../projector/readGraphState.ts";
import type { EntityState } from "../projector/readEntityState.ts";

export type Verdict =
  | { readonly kind: "missing" }
  | { readonly kind: "differing"; readonly node: boolean; readonly relationships: boolean }
  | { readonly kind: "unchanged" }
  /** Gone from Postgres meanwhile: the projector will delete it from the graph. */
  | { readonly kind: "gone" };

export interface Classified {
  readonly ref: EntityRef;
  readonly verdict: Verdict;
}

/** Which fields of each row shape are relationships rather than node properties. */
const RELATIONSHIP_FIELDS = {
  brand: ["colors", "industry", "industry_name"],
  asset: ["brand_id", "colors"],
  // Feedback *is* a relationship (the plan's self-loop), so every field of it is one.
  feedback: ["feedback_id", "asset_id", "action", "reason", "timestamp"],
  template: ["brand_id", "source_asset_id"],
} as const;

type Row = Record<string, unknown>;

export function classifyEntities(refs: readonly EntityRef[], postgres: EntityState, graph: GraphState): Classified[] {
  const pgRows = indexRows({ ...graph, brands: postgres.brands.upsert, assets: postgres.assets.upsert, feedback: postgres.feedback.upsert, templates: postgres.templates.upsert });
  const graphRows = indexRows(graph);
  return refs.map((ref) => {
    const key = `${ref.entity}:${ref.id}`;
    const pg = pgRows.get(key);
    const g = graphRows.get(key);
    if (!pg) return { ref, verdict: { kind: "gone" } };
    if (!g) return { ref, verdict: { kind: "missing" } };
    if (ref.entity === "organization") return { ref, verdict: { kind: "unchanged" } };
    const relFields: readonly string[] = RELATIONSHIP_FIELDS[ref.entity];
    const differs = (wantRelationship: boolean) =>
      Object.keys(pg).some((field) => relFields.includes(field) === wantRelationship && !isDeepStrictEqual(pg[field], g[field]));
    const node = differs(false);
    const relationships = differs(true);
    return { ref, verdict: node || relationships ? { kind: "differing", node, relationships } : { kind: "unchanged" } };
  });
}

/** Both sides in the projector's row shapes, keyed like refKey. */
function indexRows(state: GraphState): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const b of state.brands) rows.set(`brand:${b.brand_id}`, { ...b });
  for (const a of state.assets) rows.set(`asset:${a.asset_id}`, { ...a });
  for (const f of state.feedback) rows.set(`feedback:${f.feedback_id}`, { ...f });
  for (const t of state.templates) rows.set(`template:${t.template_id}`, { ...t });
  return rows;
}

import { describe, expect, it } from "vitest";
import type { BrandRow } from "../projector/readEntityState.ts";
import { classifyEntities } from "./classifyEntities.ts";

const brand: BrandRow = {
  brand_id: "b1",
  organization_id: "o1",
  name: "Acme",
  industry: "52",
  industry_name: "Finance and Insurance",
  learning_active: true,
  feedback_count: 2,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-02T00:00:00.000Z",
  colors: [{ hex: "#FF0000", name: "Red", usage: "primary", usage_weight: 0.7, context: null }],
};
const postgres = (brands: BrandRow[]) => ({
  brands: { upsert: brands, delete: [] },
  assets: { upsert: [], delete: [] },
  feedback: { upsert: [], delete: [] },
  templates: { upsert: [], delete: [] },
});
const graph = (brands: BrandRow[]) => ({ brands, assets: [], feedback: [], templates: [] });
const ref = { entity: "brand" as const, id: "b1" };

describe("classifyEntities", () => {
  it("tells missing, unchanged and gone apart", () => {
    expect(classifyEntities([ref], postgres([brand]), graph([]))[0]!.verdict).toEqual({ kind: "missing" });
    expect(classifyEntities([ref], postgres([brand]), graph([{ ...brand }]))[0]!.verdict).toEqual({ kind: "unchanged" });
    expect(classifyEntities([ref], postgres([]), graph([brand]))[0]!.verdict).toEqual({ kind: "gone" });
  });

  it("says whether node properties, relationships or both differ", () => {
    const renamed = { ...brand, name: "Other" };
    const repainted = { ...brand, colors: [] };
    const renamedColor = { ...brand, colors: [{ ...brand.colors[0]!, name: "Scarlet" }] };
    expect(classifyEntities([ref], postgres([brand]), graph([renamed]))[0]!.verdict).toEqual({ kind: "differing", node: true, relationships: false });
    expect(classifyEntities([ref], postgres([brand]), graph([repainted]))[0]!.verdict).toEqual({ kind: "differing", node: false, relationships: true });
    // A palette name lives on the brand's OWNS_COLOR, so renaming one is a relationship difference.
    expect(classifyEntities([ref], postgres([brand]), graph([renamedColor]))[0]!.verdict).toEqual({ kind: "differing", node: false, relationships: true });
    // The industry is the brand's IN_INDUSTRY link: a relationship difference too.
    const moved = { ...brand, industry: "22", industry_name: "Utilities" };
    expect(classifyEntities([ref], postgres([brand]), graph([moved]))[0]!.verdict).toEqual({ kind: "differing", node: false, relationships: true });
    expect(classifyEntities([ref], postgres([brand]), graph([{ ...renamed, colors: [] }]))[0]!.verdict).toEqual({
      kind: "differing",
      node: true,
      relationships: true,
    });
  });
});

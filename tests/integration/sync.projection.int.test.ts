// Each entity's create, update and delete, driven as a mutation drives it (rows + outbox events in
// one transaction, then afterCommit waiting for the graph), appears in Neo4j exactly as a full
// rebuild from Postgres would write it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptySlice, expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { newScope, syncedWrites, uniqueHex, type TestScope } from "../support/syncedWrites.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";

let deps: TestDeps;
beforeAll(() => {
  deps = createTestDeps();
});
afterAll(() => deps.close());

function setup() {
  const scope = newScope();
  const writes = syncedWrites(deps, scope, { waitForGraph: true });
  const graphEqualsPostgres = async (s: TestScope = scope) =>
    expect(await readGraphSlice(deps.graph!, s)).toEqual(await expectedGraphSlice(deps.prisma, s));
  const graph = () => readGraphSlice(deps.graph!, scope);
  return { scope, writes, graph, graphEqualsPostgres };
}

describe("projecting brands", () => {
  it("creates the brand node with the plan's properties and its palette", async () => {
    const { scope, writes, graph, graphEqualsPostgres } = setup();
    const [red, blue] = [uniqueHex(scope), uniqueHex(scope)];
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({
      organizationId: org.id,
      name: "Acme",
      learningActive: true,
      colors: [
        { hex: red, name: "Red", usage: "primary", usageWeight: 0.7, context: "logo" },
        { hex: blue, usage: "accent", usageWeight: 0.3 },
      ],
    });

    const slice = await graph();
    expect(slice.brands).toEqual([
      expect.objectContaining({ brand_id: brand.id, organization_id: org.id, name: "Acme", learning_active: true, feedback_count: 0 }),
    ]);
    // The palette name is the brand's, on its OWNS_COLOR; the Color node is its hex alone.
    expect(slice.ownsColor.map((r) => [r.hex, r.name ?? null, r.usage, r.usage_weight])).toEqual(
      expect.arrayContaining([
        [red, "Red", "primary", 0.7],
        [blue, null, "accent", 0.3],
      ]),
    );
    expect(slice.colors).toEqual(expect.arrayContaining([{ hex: red }, { hex: blue }]));
    await graphEqualsPostgres();
  });

  it("replaces the palette on update and removes colors nothing uses any more", async () => {
    const { scope, writes, graph, graphEqualsPostgres } = setup();
    const [kept, dropped, added] = [uniqueHex(scope), uniqueHex(scope), uniqueHex(scope)];
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({
      organizationId: org.id,
      colors: [
        { hex: kept, name: "Kept", usageWeight: 0.5 },
        { hex: dropped, name: "Dropped", usageWeight: 0.5 },
      ],
    });

    await writes.updateBrand(brand.id, {
      name: "Renamed",
      colors: [
        { hex: kept, name: "Kept", usageWeight: 0.9, usage: "primary" },
        { hex: added, name: "Added", usageWeight: 0.1 },
      ],
    });

    const slice = await graph();
    expect(slice.brands[0]).toMatchObject({ name: "Renamed" });
    expect(slice.ownsColor.map((r) => r.hex).sort()).toEqual([kept, added].sort());
    expect(slice.ownsColor.find((r) => r.hex === kept)).toMatchObject({ usage: "primary", usage_weight: 0.9 });
    expect(slice.colors.map((c) => c.hex)).not.toContain(dropped);
    await graphEqualsPostgres();
  });

  it("keeps each brand's name for a shared color on its own OWNS_COLOR, and the color while still used", async () => {
    const { scope, writes, graph, graphEqualsPostgres } = setup();
    const shared = uniqueHex(scope);
    const org = await writes.createOrganization();
    const first = await writes.createBrand({ organizationId: org.id, colors: [{ hex: shared, name: "Beta" }] });
    const second = await writes.createBrand({ organizationId: org.id, colors: [{ hex: shared, name: "Alpha" }] });
    const names = async () => (await graph()).ownsColor.map((r) => [r.brand_id, r.name]).sort();
    expect(await names()).toEqual([[first.id, "Beta"], [second.id, "Alpha"]].sort());
    expect((await graph()).colors).toEqual([{ hex: shared }]);

    await writes.deleteBrand(second.id);

    expect(await names()).toEqual([[first.id, "Beta"]]);
    expect((await graph()).colors).toEqual([{ hex: shared }]);
    await graphEqualsPostgres();
  });

  it("deletes a brand with its assets, templates and feedback, and the colors only they used", async () => {
    const { scope, writes, graph, graphEqualsPostgres } = setup();
    const [palette, assetOnly] = [uniqueHex(scope), uniqueHex(scope)];
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id, colors: [{ hex: palette, name: "P" }] });
    const asset = await writes.createAsset({ brandId: brand.id, colors: [{ hex: assetOnly, coverage: 0.4 }] });
    await writes.recordFeedback({ assetId: asset.id, action: "approve" });
    await writes.createTemplate({ brandId: brand.id, sourceAssetId: asset.id });

    await writes.deleteBrand(brand.id);

    expect(await graph()).toEqual(emptySlice());
    await graphEqualsPostgres();
  });
});

describe("projecting assets", () => {
  it("creates the asset under its brand with the colors it uses, replaces them on update, removes it on delete", async () => {
    const { scope, writes, graph, graphEqualsPostgres } = setup();
    const [a, b, c] = [uniqueHex(scope), uniqueHex(scope), uniqueHex(scope)];
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id });
    const asset = await writes.createAsset({
      brandId: brand.id,
      prompt: "sunset",
      imageUrl: "https://img/1.png",
      complianceScore: 0.82,
      colors: [
        { hex: a, coverage: 0.6 },
        { hex: b, coverage: 0.4 },
      ],
    });
    let slice = await graph();
    expect(slice.assets).toEqual([
      // Its brand's organization too, which the generated API's tenant rule reads.
      expect.objectContaining({ asset_id: asset.id, organization_id: org.id, prompt: "sunset", image_url: "https://img/1.png", compliance_score: 0.82, status: "generated" }),
    ]);
    expect(slice.generatedAsset).toEqual([expect.objectContaining({ brand_id: brand.id, asset_id: asset.id })]);
    await graphEqualsPostgres();

    await writes.updateAsset(asset.id, { status: "approved", colors: [{ hex: c, coverage: 1 }] });
    slice = await graph();
    expect(slice.assets[0]).toMatchObject({ status: "approved" });
    expect(slice.usesColor.map((u) => [u.hex, u.coverage])).toEqual([[c, 1]]);
    expect(slice.colors.map((col) => col.hex)).toEqual([c]);
    await graphEqualsPostgres();

    await writes.deleteAsset(asset.id);
    slice = await graph();
    expect(slice.assets).toEqual([]);
    expect(slice.colors).toEqual([]);
    await graphEqualsPostgres();
  });
});

describe("projecting feedback", () => {
  it("records feedback as the plan's self-loop on the asset and updates the brand's count", async () => {
    const { writes, graph, graphEqualsPostgres } = setup();
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id });
    const asset = await writes.createAsset({ brandId: brand.id });

    const feedback = await writes.recordFeedback({ assetId: asset.id, action: "approve", reason: "on brand" });

    const slice = await graph();
    expect(slice.receivedFeedback).toEqual([
      expect.objectContaining({ feedback_id: feedback.id, asset_id: asset.id, action: "approve", reason: "on brand", self_loop: true }),
    ]);
    expect(slice.brands[0]).toMatchObject({ feedback_count: 1 });
    await graphEqualsPostgres();
  });

  it("follows a corrected action and reason", async () => {
    const { writes, graph, graphEqualsPostgres } = setup();
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id });
    const asset = await writes.createAsset({ brandId: brand.id });
    const feedback = await writes.recordFeedback({ assetId: asset.id, action: "reject", reason: "off brand" });

    await writes.updateFeedback(feedback.id, { action: "approve", reason: null });

    const [projected] = (await graph()).receivedFeedback;
    expect(projected).toMatchObject({ feedback_id: feedback.id, action: "approve" });
    expect(projected!.reason ?? null, "a cleared reason leaves no property").toBeNull();
    await graphEqualsPostgres();
  });

  it("removes the relationship when the feedback is withdrawn, and the brand's count follows", async () => {
    const { writes, graph, graphEqualsPostgres } = setup();
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id });
    const asset = await writes.createAsset({ brandId: brand.id });
    const kept = await writes.recordFeedback({ assetId: asset.id, action: "approve" });
    const removed = await writes.recordFeedback({ assetId: asset.id, action: "reject" });

    await writes.deleteFeedback(removed.id);

    const slice = await graph();
    expect(slice.receivedFeedback.map((f) => f.feedback_id)).toEqual([kept.id]);
    expect(slice.brands[0]).toMatchObject({ feedback_count: 1 });
    await graphEqualsPostgres();
  });
});

describe("projecting templates", () => {
  it("links the template to its brand and source asset, unlinks it when the asset goes, and deletes it", async () => {
    const { writes, graph, graphEqualsPostgres } = setup();
    const org = await writes.createOrganization();
    const brand = await writes.createBrand({ organizationId: org.id });
    const asset = await writes.createAsset({ brandId: brand.id });
    const template = await writes.createTemplate({ brandId: brand.id, name: "Hero", description: "wide", sourceAssetId: asset.id });

    let slice = await graph();
    expect(slice.templates).toEqual([expect.objectContaining({ template_id: template.id, organization_id: org.id, name: "Hero", description: "wide" })]);
    expect(slice.hasTemplate).toEqual([expect.objectContaining({ brand_id: brand.id, template_id: template.id })]);
    expect(slice.basedOnAsset).toEqual([expect.objectContaining({ template_id: template.id, asset_id: asset.id })]);

    await writes.deleteAsset(asset.id);
    slice = await graph();
    expect(slice.templates).toHaveLength(1);
    expect(slice.basedOnAsset).toEqual([]);
    await graphEqualsPostgres();

    await writes.deleteTemplate(template.id);
    expect((await graph()).templates).toEqual([]);
    await graphEqualsPostgres();
  });
});

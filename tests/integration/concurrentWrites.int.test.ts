// Two clients changing the same rows at once: both mutations succeed or one is told what happened,
// never an internal error, and the palette ends as exactly one of the requested ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crudFactory } from "../support/crudFactory.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

describe("concurrent writes to one brand", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it("applies every palette replacement in turn, leaving exactly one of them", async () => {
    const make = crudFactory(gateway.deps);
    const brand = await make.brand((await make.organization()).id);
    const palettes = Array.from({ length: 12 }, (_, i) => [
      // Stored form: hex upper-cased, weights that round-trip exactly.
      { hex: `#1000${(10 + i).toString(16).toUpperCase().padStart(2, "0")}`, usageWeight: 0.5 },
      { hex: "#FFFFFF", usageWeight: (i % 10) / 10 },
    ]);
    const results = await Promise.all(
      palettes.map((colors) =>
        gateway.graphql(`mutation ($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id } }`, {
          id: brand.id,
          input: { colors },
        }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const stored = await gateway.deps.prisma.brandColor.findMany({ where: { brandId: brand.id }, orderBy: { hex: "asc" } });
    const asStored = stored.map((c) => ({ hex: c.hex, usageWeight: c.usageWeight }));
    expect(palettes.map((p) => [...p].sort((a, b) => a.hex.localeCompare(b.hex)))).toContainEqual(asStored);
  });

  it("answers NOT_FOUND, not an internal error, when the asset is deleted while feedback is recorded", async () => {
    const make = crudFactory(gateway.deps);
    const brand = await make.brand((await make.organization()).id);
    const assets = await Promise.all(Array.from({ length: 6 }, () => make.asset(brand.id)));
    const results = await Promise.all(
      assets.flatMap((asset) => [
        gateway.graphql(`mutation ($id: ID!) { deleteAsset(id: $id) }`, { id: asset.id }),
        gateway.graphql(`mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }`, { input: { assetId: asset.id, action: "approve" } }),
      ]),
    );
    const codes = results.flatMap((r) => (r.errors ?? []).map((e: any) => e.extensions.code));
    expect(codes.filter((code) => code !== "NOT_FOUND")).toEqual([]);
    const left = await gateway.deps.prisma.feedback.count({ where: { assetId: { in: assets.map((a) => a.id) } } });
    expect(left).toBe(0);
  });
});

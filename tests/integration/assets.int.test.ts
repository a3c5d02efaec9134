import { beforeAll, describe, expect, it } from "vitest";
import { expectRefused, syncEventsFor, UNKNOWN_ID } from "../support/crudFactory.ts";
import { crudSuite } from "../support/crudSuite.ts";

const ASSET_FIELDS = `id brandId prompt imageUrl complianceScore status createdAt colors { hex coverage } feedback { id action }`;
const CREATE_ASSET = `mutation($input: CreateAssetInput!) { createAsset(input: $input) { ${ASSET_FIELDS} } }`;
const UPDATE_ASSET = `mutation($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { ${ASSET_FIELDS} } }`;

describe("assets", () => {
  const sut = crudSuite();
  let brandId: string;
  beforeAll(async () => {
    brandId = (await sut.make.brand((await sut.make.organization()).id)).id;
  });

  it("creates an asset in status generated with its colors normalised, largest coverage first", async () => {
    const result = await sut.graphql(CREATE_ASSET, {
      input: { brandId, prompt: "A poster in blue", imageUrl: "https://img.example/1.png", complianceScore: 0.8, colors: [{ hex: "fff", coverage: 0.3 }, { hex: "0057B8", coverage: 0.6 }] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.createAsset).toMatchObject({
      brandId,
      prompt: "A poster in blue",
      imageUrl: "https://img.example/1.png",
      complianceScore: 0.8,
      status: "generated",
      colors: [
        { hex: "#0057B8", coverage: 0.6 },
        { hex: "#FFFFFF", coverage: 0.3 },
      ],
      feedback: [],
    });
    const { id } = result.data.createAsset;
    expect(await syncEventsFor(sut.deps, [id])).toEqual([`asset:upsert:${id}`]);
    const read = await sut.graphql(`query($id: ID!) { asset(id: $id) { ${ASSET_FIELDS} } }`, { id });
    expect(read.data.asset).toEqual(result.data.createAsset);
  });

  it.each([
    [{ complianceScore: 1.2 }, "input.complianceScore"],
    [{ status: "published" }, "input.status"],
    [{ prompt: " " }, "input.prompt"],
    [{ colors: [{ hex: "#000", coverage: 0.5 }, { hex: "#000000", coverage: 0.1 }] }, "input.colors[1].hex"],
    [{ colors: [{ hex: "#000", coverage: 2 }] }, "input.colors[0].coverage"],
  ])("refuses %j, naming %s, and stores nothing", async (overrides, field) => {
    const before = await sut.deps.prisma.asset.count({ where: { brandId } });
    expectRefused(await sut.graphql(CREATE_ASSET, { input: { brandId, prompt: "p", ...overrides } }), "BAD_USER_INPUT", field);
    expect(await sut.deps.prisma.asset.count({ where: { brandId } })).toBe(before);
  });

  it("answers NOT_FOUND naming input.brandId for an unknown brand", async () => {
    expectRefused(await sut.graphql(CREATE_ASSET, { input: { brandId: UNKNOWN_ID, prompt: "p" } }), "NOT_FOUND", "input.brandId");
  });

  it("moves an asset through review and updates its compliance score and colors", async () => {
    const asset = await sut.make.asset(brandId, { colors: [{ hex: "#111111", coverage: 0.5 }] });
    const reviewed = await sut.graphql(UPDATE_ASSET, { id: asset.id, input: { status: "IN_REVIEW", complianceScore: 0.35 } });
    expect(reviewed.data.updateAsset).toMatchObject({ status: "in_review", complianceScore: 0.35, colors: [{ hex: "#111111", coverage: 0.5 }] });
    const recoloured = await sut.graphql(UPDATE_ASSET, { id: asset.id, input: { status: "approved", imageUrl: null, colors: [{ hex: "#abc" }] } });
    expect(recoloured.data.updateAsset).toMatchObject({ status: "approved", imageUrl: null, colors: [{ hex: "#AABBCC", coverage: null }] });
    expect(await syncEventsFor(sut.deps, [asset.id])).toEqual(Array(3).fill(`asset:upsert:${asset.id}`));
  });

  it("refuses a null status and an unknown asset on update", async () => {
    const asset = await sut.make.asset(brandId);
    expectRefused(await sut.graphql(UPDATE_ASSET, { id: asset.id, input: { status: null } }), "BAD_USER_INPUT", "input.status");
    expectRefused(await sut.graphql(UPDATE_ASSET, { id: UNKNOWN_ID, input: { status: "approved" } }), "NOT_FOUND", "id");
  });

  it("deletes an asset with its feedback; templates based on it stay, detached, and are recorded as changed", async () => {
    const brandId = (await sut.make.brand((await sut.make.organization()).id)).id;
    const asset = await sut.make.asset(brandId);
    const feedback = await sut.make.feedback(asset.id);
    const template = await sut.make.template(brandId, { sourceAssetId: asset.id });

    expect(await sut.graphql(`mutation($id: ID!) { deleteAsset(id: $id) }`, { id: asset.id })).toEqual({ data: { deleteAsset: true } });

    const { prisma } = sut.deps;
    expect(await prisma.feedback.count({ where: { id: feedback.id } })).toBe(0);
    expect(await prisma.template.findUniqueOrThrow({ where: { id: template.id } })).toMatchObject({ sourceAssetId: null });
    expect(await syncEventsFor(sut.deps, [asset.id, feedback.id, template.id])).toEqual([
      `asset:upsert:${asset.id}`,
      `feedback:upsert:${feedback.id}`,
      `template:upsert:${template.id}`,
      `asset:delete:${asset.id}`,
      `feedback:delete:${feedback.id}`,
      `template:upsert:${template.id}`,
    ]);
    expect(await prisma.brand.findUniqueOrThrow({ where: { id: brandId } })).toMatchObject({ feedbackCount: 0 });
    expect((await syncEventsFor(sut.deps, [brandId])).at(-1)).toBe(`brand:upsert:${brandId}`);
    expectRefused(await sut.graphql(`mutation($id: ID!) { deleteAsset(id: $id) }`, { id: asset.id }), "NOT_FOUND", "id");
  });

  it("lists a brand's assets filtered by status", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const approved = await sut.make.asset(brand.id, { status: "approved" });
    await sut.make.asset(brand.id, { status: "rejected" });
    const result = await sut.graphql(`query($brandId: ID) { assets(brandId: $brandId, status: "Approved") { edges { node { id status } } } }`, {
      brandId: brand.id,
    });
    expect(result.data.assets.edges).toEqual([{ node: { id: approved.id, status: "approved" } }]);
    expectRefused(await sut.graphql(`{ assets(status: "lost") { edges { cursor } } }`), "BAD_USER_INPUT", "status");
  });
});

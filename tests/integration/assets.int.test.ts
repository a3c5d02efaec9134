import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crudFactory, expectRefused, syncEventsFor } from "../support/crudFactory.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

const ASSET_FIELDS = `id brandId prompt imageUrl complianceScore status createdAt colors { hex coverage } feedback { id action }`;
const CREATE_ASSET = `mutation($input: CreateAssetInput!) { createAsset(input: $input) { ${ASSET_FIELDS} } }`;
const UPDATE_ASSET = `mutation($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { ${ASSET_FIELDS} } }`;
const UNKNOWN = "019abcde-0000-7000-8000-00000000dead";

describe("assets", () => {
  let gateway: TestGateway;
  let make: ReturnType<typeof crudFactory>;
  let brandId: string;
  beforeAll(async () => {
    gateway = await startTestGateway();
    make = crudFactory(gateway.deps);
    brandId = (await make.brand((await make.organization()).id)).id;
  });
  afterAll(() => gateway.close());

  it("creates an asset in status generated with its colors normalised, largest coverage first", async () => {
    const result = await gateway.graphql(CREATE_ASSET, {
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
    expect(await syncEventsFor(gateway.deps, [id])).toEqual([`asset:upsert:${id}`]);
    const read = await gateway.graphql(`query($id: ID!) { asset(id: $id) { ${ASSET_FIELDS} } }`, { id });
    expect(read.data.asset).toEqual(result.data.createAsset);
  });

  it.each([
    [{ complianceScore: 1.2 }, "input.complianceScore"],
    [{ status: "published" }, "input.status"],
    [{ prompt: " " }, "input.prompt"],
    [{ colors: [{ hex: "#000", coverage: 0.5 }, { hex: "#000000", coverage: 0.1 }] }, "input.colors[1].hex"],
    [{ colors: [{ hex: "#000", coverage: 2 }] }, "input.colors[0].coverage"],
  ])("refuses %j, naming %s, and stores nothing", async (overrides, field) => {
    const before = await gateway.deps.prisma.asset.count({ where: { brandId } });
    expectRefused(await gateway.graphql(CREATE_ASSET, { input: { brandId, prompt: "p", ...overrides } }), "BAD_USER_INPUT", field);
    expect(await gateway.deps.prisma.asset.count({ where: { brandId } })).toBe(before);
  });

  it("answers NOT_FOUND naming input.brandId for an unknown brand", async () => {
    expectRefused(await gateway.graphql(CREATE_ASSET, { input: { brandId: UNKNOWN, prompt: "p" } }), "NOT_FOUND", "input.brandId");
  });

  it("moves an asset through review and updates its compliance score and colors", async () => {
    const asset = await make.asset(brandId, { colors: [{ hex: "#111111", coverage: 0.5 }] });
    const reviewed = await gateway.graphql(UPDATE_ASSET, { id: asset.id, input: { status: "IN_REVIEW", complianceScore: 0.35 } });
    expect(reviewed.data.updateAsset).toMatchObject({ status: "in_review", complianceScore: 0.35, colors: [{ hex: "#111111", coverage: 0.5 }] });
    const recoloured = await gateway.graphql(UPDATE_ASSET, { id: asset.id, input: { status: "approved", imageUrl: null, colors: [{ hex: "#abc" }] } });
    expect(recoloured.data.updateAsset).toMatchObject({ status: "approved", imageUrl: null, colors: [{ hex: "#AABBCC", coverage: null }] });
    expect(await syncEventsFor(gateway.deps, [asset.id])).toEqual(Array(3).fill(`asset:upsert:${asset.id}`));
  });

  it("refuses a null status and an unknown asset on update", async () => {
    const asset = await make.asset(brandId);
    expectRefused(await gateway.graphql(UPDATE_ASSET, { id: asset.id, input: { status: null } }), "BAD_USER_INPUT", "input.status");
    expectRefused(await gateway.graphql(UPDATE_ASSET, { id: UNKNOWN, input: { status: "approved" } }), "NOT_FOUND", "id");
  });

  it("deletes an asset with its feedback; templates based on it stay, detached, and are recorded as changed", async () => {
    const asset = await make.asset(brandId);
    const feedback = await make.feedback(asset.id);
    const template = await make.template(brandId, { sourceAssetId: asset.id });

    expect(await gateway.graphql(`mutation($id: ID!) { deleteAsset(id: $id) }`, { id: asset.id })).toEqual({ data: { deleteAsset: true } });

    const { prisma } = gateway.deps;
    expect(await prisma.feedback.count({ where: { id: feedback.id } })).toBe(0);
    expect(await prisma.template.findUniqueOrThrow({ where: { id: template.id } })).toMatchObject({ sourceAssetId: null });
    expect(await syncEventsFor(gateway.deps, [asset.id, feedback.id, template.id])).toEqual([
      `asset:upsert:${asset.id}`,
      `feedback:upsert:${feedback.id}`,
      `template:upsert:${template.id}`,
      `asset:delete:${asset.id}`,
      `feedback:delete:${feedback.id}`,
      `template:upsert:${template.id}`,
    ]);
    expectRefused(await gateway.graphql(`mutation($id: ID!) { deleteAsset(id: $id) }`, { id: asset.id }), "NOT_FOUND", "id");
  });

  it("lists a brand's assets filtered by status", async () => {
    const brand = await make.brand((await make.organization()).id);
    const approved = await make.asset(brand.id, { status: "approved" });
    await make.asset(brand.id, { status: "rejected" });
    const result = await gateway.graphql(`query($brandId: ID) { assets(brandId: $brandId, status: "Approved") { edges { node { id status } } } }`, {
      brandId: brand.id,
    });
    expect(result.data.assets.edges).toEqual([{ node: { id: approved.id, status: "approved" } }]);
    expectRefused(await gateway.graphql(`{ assets(status: "lost") { edges { cursor } } }`), "BAD_USER_INPUT", "status");
  });
});

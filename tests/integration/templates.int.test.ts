import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crudFactory, expectRefused, syncEventsFor } from "../support/crudFactory.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

const CREATE = `mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id brandId name description sourceAssetId createdAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTemplateInput!) { updateTemplate(id: $id, input: $input) { id name description sourceAssetId } }`;
const UNKNOWN = "019abcde-0000-7000-8000-00000000dead";

describe("templates", () => {
  let gateway: TestGateway;
  let make: ReturnType<typeof crudFactory>;
  beforeAll(async () => {
    gateway = await startTestGateway();
    make = crudFactory(gateway.deps);
  });
  afterAll(() => gateway.close());

  it("creates a template based on one of its brand's assets and reads it back", async () => {
    const brand = await make.brand((await make.organization()).id);
    const asset = await make.asset(brand.id);
    const result = await gateway.graphql(CREATE, { input: { brandId: brand.id, name: " Launch poster ", description: "", sourceAssetId: asset.id } });
    expect(result.data.createTemplate).toMatchObject({ brandId: brand.id, name: "Launch poster", description: null, sourceAssetId: asset.id });
    const { id } = result.data.createTemplate;
    expect(await syncEventsFor(gateway.deps, [id])).toEqual([`template:upsert:${id}`]);
    const read = await gateway.graphql(`query($id: ID!) { template(id: $id) { id name } }`, { id });
    expect(read.data.template).toEqual({ id, name: "Launch poster" });
  });

  it("refuses another brand's asset as the source, naming input.sourceAssetId", async () => {
    const org = await make.organization();
    const brand = await make.brand(org.id);
    const otherAsset = await make.asset((await make.brand(org.id)).id);
    expectRefused(
      await gateway.graphql(CREATE, { input: { brandId: brand.id, name: "Stolen", sourceAssetId: otherAsset.id } }),
      "BAD_USER_INPUT",
      "input.sourceAssetId",
    );
    expectRefused(await gateway.graphql(CREATE, { input: { brandId: brand.id, name: "Ghost", sourceAssetId: UNKNOWN } }), "NOT_FOUND", "input.sourceAssetId");
    expectRefused(await gateway.graphql(CREATE, { input: { brandId: UNKNOWN, name: "Nobody's" } }), "NOT_FOUND", "input.brandId");
    expect(await gateway.deps.prisma.template.count({ where: { brandId: brand.id } })).toBe(0);
  });

  it("updates a template's name, description and source, and detaches it with null", async () => {
    const brand = await make.brand((await make.organization()).id);
    const asset = await make.asset(brand.id);
    const template = await make.template(brand.id);
    const attached = await gateway.graphql(UPDATE, { id: template.id, input: { name: "Story", description: "9:16", sourceAssetId: asset.id } });
    expect(attached.data.updateTemplate).toEqual({ id: template.id, name: "Story", description: "9:16", sourceAssetId: asset.id });
    const detached = await gateway.graphql(UPDATE, { id: template.id, input: { sourceAssetId: null } });
    expect(detached.data.updateTemplate).toMatchObject({ name: "Story", sourceAssetId: null });
    expectRefused(await gateway.graphql(UPDATE, { id: UNKNOWN, input: { name: "x" } }), "NOT_FOUND", "id");
  });

  it("deletes a template and lists the rest of the brand's templates", async () => {
    const brand = await make.brand((await make.organization()).id);
    const kept = await make.template(brand.id);
    const gone = await make.template(brand.id);
    expect(await gateway.graphql(`mutation($id: ID!) { deleteTemplate(id: $id) }`, { id: gone.id })).toEqual({ data: { deleteTemplate: true } });
    const list = await gateway.graphql(`query($brandId: ID) { templates(brandId: $brandId) { edges { node { id } } } }`, { brandId: brand.id });
    expect(list.data.templates.edges).toEqual([{ node: { id: kept.id } }]);
    expect(await syncEventsFor(gateway.deps, [gone.id])).toEqual([`template:upsert:${gone.id}`, `template:delete:${gone.id}`]);
    expectRefused(await gateway.graphql(`mutation($id: ID!) { deleteTemplate(id: $id) }`, { id: gone.id }), "NOT_FOUND", "id");
  });
});

import { describe, expect, it } from "vitest";
import { expectRefused, syncEventsFor, UNKNOWN_ID } from "../support/crudFactory.ts";
import { crudSuite } from "../support/crudSuite.ts";

const CREATE = `mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id brandId name description sourceAssetId createdAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTemplateInput!) { updateTemplate(id: $id, input: $input) { id name description sourceAssetId } }`;

describe("templates", () => {
  const sut = crudSuite();

  it("creates a template based on one of its brand's assets and reads it back", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    const result = await sut.graphql(CREATE, { input: { brandId: brand.id, name: " Launch poster ", description: "", sourceAssetId: asset.id } });
    expect(result.data.createTemplate).toMatchObject({ brandId: brand.id, name: "Launch poster", description: null, sourceAssetId: asset.id });
    const { id } = result.data.createTemplate;
    expect(await syncEventsFor(sut.deps, [id])).toEqual([`template:upsert:${id}`]);
    const read = await sut.graphql(`query($id: ID!) { template(id: $id) { id name } }`, { id });
    expect(read.data.template).toEqual({ id, name: "Launch poster" });
  });

  it("refuses another brand's asset as the source, naming input.sourceAssetId", async () => {
    const org = await sut.make.organization();
    const brand = await sut.make.brand(org.id);
    const otherAsset = await sut.make.asset((await sut.make.brand(org.id)).id);
    expectRefused(
      await sut.graphql(CREATE, { input: { brandId: brand.id, name: "Stolen", sourceAssetId: otherAsset.id } }),
      "BAD_USER_INPUT",
      "input.sourceAssetId",
    );
    expectRefused(await sut.graphql(CREATE, { input: { brandId: brand.id, name: "Ghost", sourceAssetId: UNKNOWN_ID } }), "NOT_FOUND", "input.sourceAssetId");
    expectRefused(await sut.graphql(CREATE, { input: { brandId: UNKNOWN_ID, name: "Nobody's" } }), "NOT_FOUND", "input.brandId");
    expect(await sut.deps.prisma.template.count({ where: { brandId: brand.id } })).toBe(0);
  });

  it("updates a template's name, description and source, and detaches it with null", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    const template = await sut.make.template(brand.id);
    const attached = await sut.graphql(UPDATE, { id: template.id, input: { name: "Story", description: "9:16", sourceAssetId: asset.id } });
    expect(attached.data.updateTemplate).toEqual({ id: template.id, name: "Story", description: "9:16", sourceAssetId: asset.id });
    const detached = await sut.graphql(UPDATE, { id: template.id, input: { sourceAssetId: null } });
    expect(detached.data.updateTemplate).toMatchObject({ name: "Story", sourceAssetId: null });
    expect(await syncEventsFor(sut.deps, [template.id])).toEqual(Array(3).fill(`template:upsert:${template.id}`));
    expectRefused(await sut.graphql(UPDATE, { id: UNKNOWN_ID, input: { name: "x" } }), "NOT_FOUND", "id");
  });

  it("deletes a template and lists the rest of the brand's templates", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const kept = await sut.make.template(brand.id);
    const gone = await sut.make.template(brand.id);
    expect(await sut.graphql(`mutation($id: ID!) { deleteTemplate(id: $id) }`, { id: gone.id })).toEqual({ data: { deleteTemplate: true } });
    const list = await sut.graphql(`query($brandId: ID) { templates(brandId: $brandId) { edges { node { id } } } }`, { brandId: brand.id });
    expect(list.data.templates.edges).toEqual([{ node: { id: kept.id } }]);
    expect(await syncEventsFor(sut.deps, [gone.id])).toEqual([`template:upsert:${gone.id}`, `template:delete:${gone.id}`]);
    expectRefused(await sut.graphql(`mutation($id: ID!) { deleteTemplate(id: $id) }`, { id: gone.id }), "NOT_FOUND", "id");
  });
});

// Tenancy in the Postgres half: a caller sees and changes only its own organization's data;
// another organization's entity is indistinguishable from one that does not exist (null, an empty
// list, NOT_FOUND); role limits are FORBIDDEN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, operatorHeaders, startTenants, type Tenant, type Tenants } from "../support/tenants.ts";

let tenants: Tenants;
let own: Tenant;
let foreign: Tenant;
beforeAll(async () => {
  tenants = await startTenants();
  ({ own, foreign } = tenants);
});
afterAll(() => tenants.close());

const BY_ID = `query ($org: ID!, $brand: ID!, $asset: ID!, $feedback: ID!, $template: ID!) {
  organization(id: $org) { id } brand(id: $brand) { id } asset(id: $asset) { id }
  feedback(id: $feedback) { id } template(id: $template) { id } }`;
const byIdOf = (t: Tenant) => ({ org: t.organizationId, brand: t.brand.id, asset: t.assetId, feedback: t.feedbackId, template: t.templateId });

const LISTS = `query ($org: ID, $brand: ID) {
  organizations { edges { node { id } } }
  brands(organizationId: $org) { edges { node { id } } }
  assets(brandId: $brand) { edges { node { id } } }
  feedbackList(brandId: $brand) { edges { node { id } } }
  templates(brandId: $brand) { edges { node { id } } } }`;
const codesOf = (result: { errors?: { extensions: { code: string } }[] }) => result.errors?.map((e) => e.extensions.code);
const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

async function call(role: "viewer" | "editor" | "admin", query: string, variables: Record<string, unknown> = {}, organizationId?: string) {
  return tenants.gateway.graphql(query, variables, await tenants.as(role, organizationId));
}

describe("reading as a viewer of one organization", () => {
  it("reads its own organization, brand, asset, feedback and template by id", async () => {
    const result = await call("viewer", BY_ID, byIdOf(own));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      organization: { id: own.organizationId },
      brand: { id: own.brand.id },
      asset: { id: own.assetId },
      feedback: { id: own.feedbackId },
      template: { id: own.templateId },
    });
  });

  it("gets null for another organization's entities by id, exactly as for unknown ids", async () => {
    const result = await call("viewer", BY_ID, byIdOf(foreign));
    expect(result).toEqual({ data: { organization: null, brand: null, asset: null, feedback: null, template: null } });
  });

  it("lists only its own organization's organizations, brands, assets, feedback and templates", async () => {
    const { data, errors } = await call("viewer", LISTS);
    expect(errors).toBeUndefined();
    expect(idsOf(data.organizations)).toEqual([own.organizationId]);
    expect(idsOf(data.brands)).toEqual([own.brand.id]);
    expect(idsOf(data.assets)).toEqual([own.assetId]);
    expect(idsOf(data.feedbackList)).toEqual([own.feedbackId]);
    expect(idsOf(data.templates)).toEqual([own.templateId]);
  });

  it("gets empty lists when a filter names another organization or its brand", async () => {
    const { data, errors } = await call("viewer", LISTS, { org: foreign.organizationId, brand: foreign.brand.id });
    expect(errors).toBeUndefined();
    expect([data.brands, data.assets, data.feedbackList, data.templates].map(idsOf)).toEqual([[], [], [], []]);
  });

  it("cannot change anything, not even its own organization's data: FORBIDDEN", async () => {
    for (const [mutation, variables] of writes(own)) {
      const result = await call("viewer", mutation, variables);
      expect(result.errors?.map((e) => e.extensions.code), mutation).toEqual(["FORBIDDEN"]);
    }
  });
});

describe("writing as an editor of one organization", () => {
  it("gets NOT_FOUND naming the field for every write on another organization's entities, and nothing changes", async () => {
    const before = await countRows(tenants, [foreign.organizationId]);
    for (const [mutation, variables, field] of writes(foreign)) {
      const result = await call("editor", mutation, variables);
      expect(result.errors?.map((e) => e.extensions), mutation).toEqual([{ code: "NOT_FOUND", field }]);
      expect(JSON.stringify(result.errors), "never confirms that a foreign id exists").not.toMatch(/another (brand|organization)/);
    }
    expect(await countRows(tenants, [foreign.organizationId])).toEqual(before);
  });

  it("creates, changes and deletes its own organization's data", async () => {
    const created = await call("editor", `mutation ($org: ID!) { createBrand(input: { organizationId: $org, name: "Editor's brand" }) { id organizationId } }`, {
      org: own.organizationId,
    });
    expect(created.errors).toBeUndefined();
    const brandId = created.data.createBrand.id;
    const asset = await call("editor", `mutation ($b: ID!) { createAsset(input: { brandId: $b, prompt: "p", colors: [{ hex: "#abc" }] }) { id } }`, { b: brandId });
    const feedback = await call("editor", `mutation ($a: ID!) { recordFeedback(input: { assetId: $a, action: "approve" }) { id brandId } }`, { a: asset.data.createAsset.id });
    const template = await call("editor", `mutation ($b: ID!, $a: ID!) { createTemplate(input: { brandId: $b, name: "t", sourceAssetId: $a }) { id } }`, {
      b: brandId,
      a: asset.data.createAsset.id,
    });
    const corrected = await call("editor", `mutation ($f: ID!) { updateFeedback(id: $f, input: { action: "reject" }) { action } }`, { f: feedback.data.recordFeedback.id });
    const renamed = await call("editor", `mutation ($b: ID!) { updateBrand(id: $b, input: { name: "Renamed" }) { name feedbackCount } }`, { b: brandId });
    const removed = await call("editor", `mutation ($b: ID!) { deleteBrand(id: $b) }`, { b: brandId });
    expect([asset, feedback, corrected, template, renamed, removed].flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(feedback.data.recordFeedback.brandId).toBe(brandId);
    expect(corrected.data.updateFeedback).toEqual({ action: "reject" });
    expect(renamed.data.updateBrand).toEqual({ name: "Renamed", feedbackCount: 1 });
    expect(removed.data.deleteBrand).toBe(true);
  });

  it("cannot base its template on another organization's asset: NOT_FOUND, not 'another brand'", async () => {
    const result = await call("editor", `mutation ($b: ID!, $a: ID!) { createTemplate(input: { brandId: $b, name: "t", sourceAssetId: $a }) { id } }`, {
      b: own.brand.id,
      a: foreign.assetId,
    });
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: "NOT_FOUND", field: "input.sourceAssetId" }]);
  });
});

describe("operations only an organization's admin may run", () => {
  const DELETE_ORG = `mutation ($id: ID!) { deleteOrganization(id: $id) }`;

  it.each(["viewer", "editor"] as const)("a %s cannot delete its organization: FORBIDDEN", async (role) => {
    expect(codesOf(await call(role, DELETE_ORG, { id: own.organizationId }))).toEqual(["FORBIDDEN"]);
    expect(await countRows(tenants, [own.organizationId])).toMatchObject({ organizations: 1, brands: 1 });
  });

  it("an admin deletes its own organization, and no other", async () => {
    // Organizations are created by the platform operator (platformOperator.int.test.ts).
    const created = await tenants.gateway.graphql(`mutation { createOrganization(input: { name: "Tenancy admin org" }) { id } }`, {}, await operatorHeaders());
    const createdId = created.data.createOrganization.id;
    expect((await call("admin", DELETE_ORG, { id: createdId })).errors?.[0].extensions.code).toBe("NOT_FOUND");
    expect((await call("admin", DELETE_ORG, { id: createdId }, createdId)).data).toEqual({ deleteOrganization: true });
  });

  it("an admin cannot delete another organization: NOT_FOUND, and it stays", async () => {
    const result = await call("admin", DELETE_ORG, { id: foreign.organizationId });
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: "NOT_FOUND", field: "id" }]);
    expect(await countRows(tenants, [foreign.organizationId])).toMatchObject({ organizations: 1, brands: 1, assets: 1 });
  });
});

/** Every write on one organization's data, as [mutation, variables, the field naming its target]. */
function writes(t: Tenant): [string, Record<string, unknown>, string][] {
  return [
    [`mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "x" }) { id } }`, { id: t.organizationId }, "id"],
    [`mutation ($o: ID!) { createBrand(input: { organizationId: $o, name: "x" }) { id } }`, { o: t.organizationId }, "input.organizationId"],
    [`mutation ($id: ID!) { updateBrand(id: $id, input: { colors: [] }) { id } }`, { id: t.brand.id }, "id"],
    [`mutation ($id: ID!) { deleteBrand(id: $id) }`, { id: t.brand.id }, "id"],
    [`mutation ($b: ID!) { createAsset(input: { brandId: $b, prompt: "x" }) { id } }`, { b: t.brand.id }, "input.brandId"],
    [`mutation ($id: ID!) { updateAsset(id: $id, input: { status: "approved" }) { id } }`, { id: t.assetId }, "id"],
    [`mutation ($id: ID!) { deleteAsset(id: $id) }`, { id: t.assetId }, "id"],
    [`mutation ($a: ID!) { recordFeedback(input: { assetId: $a, action: "reject" }) { id } }`, { a: t.assetId }, "input.assetId"],
    [`mutation ($id: ID!) { updateFeedback(id: $id, input: { action: "approve" }) { id } }`, { id: t.feedbackId }, "id"],
    [`mutation ($id: ID!) { deleteFeedback(id: $id) }`, { id: t.feedbackId }, "id"],
    [`mutation ($b: ID!) { createTemplate(input: { brandId: $b, name: "x" }) { id } }`, { b: t.brand.id }, "input.brandId"],
    [`mutation ($id: ID!) { updateTemplate(id: $id, input: { name: "x" }) { id } }`, { id: t.templateId }, "id"],
    [`mutation ($id: ID!) { deleteTemplate(id: $id) }`, { id: t.templateId }, "id"],
  ];
}

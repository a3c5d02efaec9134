import { describe, expect, it } from "vitest";
import { expectRefused } from "../support/crudFactory.ts";
import { crudSuite } from "../support/crudSuite.ts";

const BRANDS = `query($organizationId: ID, $first: Int, $after: String) {
  brands(organizationId: $organizationId, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
}`;

describe("cursor pagination", () => {
  const sut = crudSuite();

  async function organizationWithBrands(count: number) {
    const org = await sut.make.organization();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await sut.make.brand(org.id)).id);
    return { organizationId: org.id, ids };
  }

  const page = async (variables: Record<string, unknown>) => {
    const result = await sut.graphql(BRANDS, variables);
    expect(result.errors).toBeUndefined();
    const { edges, pageInfo } = result.data.brands;
    return { ids: edges.map((e: any) => e.node.id), cursors: edges.map((e: any) => e.cursor), pageInfo };
  };

  it("answers an empty page with no next page and no end cursor", async () => {
    const { organizationId } = await organizationWithBrands(0);
    expect(await page({ organizationId, first: 5 })).toEqual({ ids: [], cursors: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("ends exactly on a page boundary without promising another page", async () => {
    const { organizationId, ids } = await organizationWithBrands(4);
    const first = await page({ organizationId, first: 2 });
    expect(first.ids).toEqual(ids.slice(0, 2));
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.cursors[1] });
    const second = await page({ organizationId, first: 2, after: first.pageInfo.endCursor });
    expect(second.ids).toEqual(ids.slice(2));
    expect(second.pageInfo.hasNextPage).toBe(false);
    const beyond = await page({ organizationId, first: 2, after: second.pageInfo.endCursor });
    expect(beyond).toEqual({ ids: [], cursors: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it("returns a short last page", async () => {
    const { organizationId, ids } = await organizationWithBrands(5);
    const first = await page({ organizationId, first: 3 });
    const last = await page({ organizationId, first: 3, after: first.pageInfo.endCursor });
    expect(last.ids).toEqual(ids.slice(3));
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.cursors[1] });
  });

  it("defaults to 20 per page and allows 100, but refuses 101 naming first", async () => {
    const { organizationId, ids } = await organizationWithBrands(21);
    const defaulted = await page({ organizationId });
    expect(defaulted.ids).toEqual(ids.slice(0, 20));
    expect(defaulted.pageInfo.hasNextPage).toBe(true);
    expect((await page({ organizationId, first: 100 })).ids).toEqual(ids);
    expectRefused(await sut.graphql(BRANDS, { organizationId, first: 101 }), "BAD_USER_INPUT", "first");
    expectRefused(await sut.graphql(BRANDS, { organizationId, first: -1 }), "BAD_USER_INPUT", "first");
  });

  it("refuses a cursor it did not issue, naming after", async () => {
    expectRefused(await sut.graphql(BRANDS, { first: 2, after: "bm90LWEtY3Vyc29y" }), "BAD_USER_INPUT", "after");
    expectRefused(await sut.graphql(BRANDS, { first: 2, after: "%%%" }), "BAD_USER_INPUT", "after");
  });

  it("pages each brand's assets on its own, in one query for several brands", async () => {
    const org = await sut.make.organization();
    const a = await sut.make.brand(org.id);
    const b = await sut.make.brand(org.id);
    const aAssets = [await sut.make.asset(a.id), await sut.make.asset(a.id), await sut.make.asset(a.id)].map((x) => x.id);
    const bAssets = [await sut.make.asset(b.id)].map((x) => x.id);
    const nested = `query($organizationId: ID, $after: String) { brands(organizationId: $organizationId) { edges { node {
      assets(first: 2, after: $after) { edges { node { id brandId createdAt } } pageInfo { hasNextPage endCursor } } } } } }`;
    const first = await sut.graphql(nested, { organizationId: org.id });
    const [pageA, pageB] = first.data.brands.edges.map((e: any) => e.node.assets);
    expect(pageA.edges.map((e: any) => e.node.id)).toEqual(aAssets.slice(0, 2));
    expect(pageA.edges[0].node).toMatchObject({ brandId: a.id, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(pageA.pageInfo.hasNextPage).toBe(true);
    expect(pageB.edges.map((e: any) => e.node.id)).toEqual(bAssets);
    expect(pageB.pageInfo.hasNextPage).toBe(false);

    const rest = await sut.graphql(`query($id: ID!, $after: String) { brand(id: $id) { assets(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage } } } }`, {
      id: a.id,
      after: pageA.pageInfo.endCursor,
    });
    expect(rest.data.brand.assets).toEqual({ edges: [{ node: { id: aAssets[2] } }], pageInfo: { hasNextPage: false } });
    expectRefused(await sut.graphql(`query($id: ID!) { brand(id: $id) { assets(first: 500) { edges { cursor } } } }`, { id: a.id }), "BAD_USER_INPUT", "first");
  });
});

describe("the nested lists that can grow without bound", () => {
  const sut = crudSuite();
  const idsOf = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

  it("pages an organization's brands through brandsConnection, each organization on its own, in one query", async () => {
    const [a, b] = [await sut.make.organization(), await sut.make.organization()];
    const aBrands = [await sut.make.brand(a.id), await sut.make.brand(a.id), await sut.make.brand(a.id)].map((x) => x.id);
    const bBrands = [(await sut.make.brand(b.id)).id];
    const page = `query($a: ID!, $b: ID!, $after: String) {
      a: organization(id: $a) { brandsConnection(first: 2, after: $after) { edges { cursor node { id organizationId } } pageInfo { hasNextPage endCursor } } }
      b: organization(id: $b) { brandsConnection(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }
    }`;
    const first = await sut.graphql(page, { a: a.id, b: b.id });
    expect(first.errors).toBeUndefined();
    expect(idsOf(first.data.a.brandsConnection)).toEqual(aBrands.slice(0, 2));
    expect(first.data.a.brandsConnection.edges[0].node.organizationId).toBe(a.id);
    expect(first.data.a.brandsConnection.pageInfo).toEqual({ hasNextPage: true, endCursor: first.data.a.brandsConnection.edges[1].cursor });
    expect(first.data.b.brandsConnection).toEqual({ edges: [{ node: { id: bBrands[0] } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });
    const rest = await sut.graphql(page, { a: a.id, b: b.id, after: first.data.a.brandsConnection.pageInfo.endCursor });
    expect(idsOf(rest.data.a.brandsConnection)).toEqual(aBrands.slice(2));
    expect(rest.data.a.brandsConnection.pageInfo.hasNextPage).toBe(false);
  });

  it("pages a brand's templates through templatesConnection and an asset's feedback through feedbackConnection", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const templates = [await sut.make.template(brand.id), await sut.make.template(brand.id), await sut.make.template(brand.id)].map((t) => t.id);
    const asset = await sut.make.asset(brand.id);
    const feedback = [await sut.make.feedback(asset.id), await sut.make.feedback(asset.id, "reject"), await sut.make.feedback(asset.id)].map((f) => f.id);
    const page = `query($brand: ID!, $asset: ID!, $templatesAfter: String, $feedbackAfter: String) {
      brand(id: $brand) { templatesConnection(first: 2, after: $templatesAfter) { edges { node { id brandId name } } pageInfo { hasNextPage endCursor } } }
      asset(id: $asset) { feedbackConnection(first: 2, after: $feedbackAfter) { edges { node { id assetId brandId action } } pageInfo { hasNextPage endCursor } } }
    }`;
    const first = await sut.graphql(page, { brand: brand.id, asset: asset.id });
    expect(first.errors).toBeUndefined();
    expect(idsOf(first.data.brand.templatesConnection)).toEqual(templates.slice(0, 2));
    expect(first.data.brand.templatesConnection.edges[0].node).toMatchObject({ brandId: brand.id, name: expect.any(String) });
    expect(idsOf(first.data.asset.feedbackConnection)).toEqual(feedback.slice(0, 2));
    expect(first.data.asset.feedbackConnection.edges[1].node).toEqual({ id: feedback[1], assetId: asset.id, brandId: brand.id, action: "reject" });
    const rest = await sut.graphql(page, {
      brand: brand.id,
      asset: asset.id,
      templatesAfter: first.data.brand.templatesConnection.pageInfo.endCursor,
      feedbackAfter: first.data.asset.feedbackConnection.pageInfo.endCursor,
    });
    expect(rest.data.brand.templatesConnection).toEqual({ edges: [expect.objectContaining({ node: expect.objectContaining({ id: templates[2] }) })], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });
    expect(idsOf(rest.data.asset.feedbackConnection)).toEqual(feedback.slice(2));
  });

  it("refuses a page over 100 and a cursor it did not issue on each connection, naming the argument", async () => {
    const brand = await sut.make.brand((await sut.make.organization()).id);
    const asset = await sut.make.asset(brand.id);
    const connections = [
      [`query($id: ID!, $first: Int, $after: String) { organization(id: $id) { brandsConnection(first: $first, after: $after) { edges { cursor } } } }`, brand.organizationId],
      [`query($id: ID!, $first: Int, $after: String) { brand(id: $id) { templatesConnection(first: $first, after: $after) { edges { cursor } } } }`, brand.id],
      [`query($id: ID!, $first: Int, $after: String) { asset(id: $id) { feedbackConnection(first: $first, after: $after) { edges { cursor } } } }`, asset.id],
    ] as const;
    for (const [query, id] of connections) {
      expectRefused(await sut.graphql(query, { id, first: 101 }), "BAD_USER_INPUT", "first");
      expectRefused(await sut.graphql(query, { id, first: -1 }), "BAD_USER_INPUT", "first");
      expectRefused(await sut.graphql(query, { id, after: "bm90LWEtY3Vyc29y" }), "BAD_USER_INPUT", "after");
    }
  });

  it("bounds the deprecated lists: 100 by default, fewer when asked, never more", async () => {
    const org = await sut.make.organization();
    const brand = await sut.make.brand(org.id);
    const asset = await sut.make.asset(brand.id);
    await sut.deps.prisma.template.createMany({ data: Array.from({ length: 101 }, (_, i) => ({ brandId: brand.id, name: `Bounded ${i}` })) });
    const all = (await sut.deps.prisma.template.findMany({ where: { brandId: brand.id }, orderBy: { id: "asc" }, select: { id: true } })).map((t) => t.id);
    const templates = `query($id: ID!, $first: Int) { brand(id: $id) { templates(first: $first) { id } } }`;
    const defaulted = await sut.graphql(`query($id: ID!) { brand(id: $id) { templates { id } } }`, { id: brand.id });
    expect(defaulted.data.brand.templates.map((t: { id: string }) => t.id)).toEqual(all.slice(0, 100));
    expect((await sut.graphql(templates, { id: brand.id, first: null })).data.brand.templates).toHaveLength(100);
    expect((await sut.graphql(templates, { id: brand.id, first: 3 })).data.brand.templates.map((t: { id: string }) => t.id)).toEqual(all.slice(0, 3));
    expectRefused(await sut.graphql(templates, { id: brand.id, first: 101 }), "BAD_USER_INPUT", "first");

    await sut.make.feedback(asset.id);
    await sut.make.feedback(asset.id, "reject");
    const lists = await sut.graphql(`query($org: ID!, $asset: ID!) { organization(id: $org) { brands(first: 1) { id } } asset(id: $asset) { feedback(first: 1) { action } } }`, {
      org: org.id,
      asset: asset.id,
    });
    expect(lists.data).toEqual({ organization: { brands: [{ id: brand.id }] }, asset: { feedback: [{ action: "approve" }] } });
    expectRefused(await sut.graphql(`query($id: ID!) { asset(id: $id) { feedback(first: 101) { id } } }`, { id: asset.id }), "BAD_USER_INPUT", "first");
    expectRefused(await sut.graphql(`query($id: ID!) { organization(id: $id) { brands(first: 101) { id } } }`, { id: org.id }), "BAD_USER_INPUT", "first");
  });
});

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

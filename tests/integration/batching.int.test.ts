// Nested fields go through per-request DataLoaders: a page of brands with their colors, asset
// pages, asset colors and templates costs one statement per edge, however many brands there are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSyntheticOrganization } from "../../src/demo/seedSyntheticOrganization.ts";
import { crudFactory, unique } from "../support/crudFactory.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const NESTED = `query($organizationId: ID) {
  brands(organizationId: $organizationId, first: 100) {
    edges { node { id colors { hex usageWeight } templates(first: 2) { id }
      assets(first: 10) { edges { node { id colors { hex } feedback(first: 2) { id } } } } } }
  }
}`;

// The same walk through the connections that page the lists the query above bounds. Two roots:
// organization → brands → assets → feedback through connections alone nests deeper than the
// depth limit of 10.
const NESTED_CONNECTIONS = `query($organizationId: ID!) {
  organization(id: $organizationId) {
    brandsConnection(first: 100) { edges { node { id colors { hex usageWeight } templatesConnection(first: 2) { edges { node { id } } } } } }
  }
  brands(organizationId: $organizationId, first: 100) {
    edges { node { assets(first: 2) { edges { node { id colors { hex } feedbackConnection(first: 2) { edges { node { id } } } } } } } }
  }
}`;

describe("batching nested fields", () => {
  let gateway: TestGateway;
  const statements: string[] = [];
  beforeAll(async () => {
    // The sync is switched off so its after-commit projection (which reads Postgres in the
    // background) cannot add statements to the ones counted here.
    const config = { graphSyncEnabled: false };
    gateway = await startTestGateway(createTestDeps({ config, onQuery: (sql) => statements.push(sql) }));
  });
  afterAll(() => gateway.close());

  async function statementsOfNestedQuery(brands: number) {
    const shape = { brands, colorsPerBrand: 4, assetsPerBrand: 2 };
    const organization = await seedSyntheticOrganization(gateway.deps, unique("Batching"), shape);
    statements.length = 0;
    const result = await gateway.graphql(NESTED, { organizationId: organization.id });
    expect(result.errors).toBeUndefined();
    expect(result.data.brands.edges).toHaveLength(brands);
    expect(result.data.brands.edges.every((e: any) => e.node.colors.length === 4 && e.node.assets.edges.length === 2)).toBe(true);
    const lists = [...statements];
    statements.length = 0;
    const paged = await gateway.graphql(NESTED_CONNECTIONS, { organizationId: organization.id });
    expect(paged.errors).toBeUndefined();
    expect(paged.data.organization.brandsConnection.edges).toHaveLength(brands);
    return { lists, connections: [...statements] };
  }

  it("costs the same six statements for 10 brands as for 100, through the lists or the connections", async () => {
    const ten = await statementsOfNestedQuery(10);
    const hundred = await statementsOfNestedQuery(100);
    // brands, their colors, their asset pages, the assets' colors, the assets' feedback, templates
    expect(ten.lists).toHaveLength(6);
    expect(hundred.lists).toHaveLength(ten.lists.length);
    // the organization, its brands, their colors and templates; the brands again, their assets, the assets' colors and feedback
    expect(ten.connections).toHaveLength(8);
    expect(hundred.connections).toHaveLength(ten.connections.length);
  }, 120_000);

  it("walks from a page of feedback up to the organizations in one statement per level", async () => {
    const make = crudFactory(gateway.deps);
    const brand = await make.brand((await make.organization()).id);
    const assets = [await make.asset(brand.id), await make.asset(brand.id)];
    for (let i = 0; i < 10; i++) await make.feedback(assets[i % 2]!.id, i % 3 ? "approve" : "reject");
    const template = await make.template(brand.id, { sourceAssetId: assets[0]!.id });

    // Two requests: two root lists resolve at unrelated moments, so their parents could not share a batch.
    statements.length = 0;
    const fromFeedback = await gateway.graphql(
      `query($brandId: ID) { feedbackList(brandId: $brandId) { edges { node { asset { id brand { id organization { id } } } } } } }`,
      { brandId: brand.id },
    );
    const upFromFeedback = statements.length;
    const feedback = fromFeedback.data.feedbackList.edges.map((e: any) => e.node.asset);
    expect(feedback).toHaveLength(10);
    expect(new Set(feedback.map((a: any) => a.brand.organization.id)).size).toBe(1);
    // feedback, then their assets, brands and organizations once each
    expect(upFromFeedback).toBe(4);

    statements.length = 0;
    const fromTemplates = await gateway.graphql(`query($brandId: ID) { templates(brandId: $brandId) { edges { node { id brand { id } sourceAsset { id } } } } }`, {
      brandId: brand.id,
    });
    expect(fromTemplates.data.templates.edges).toEqual([{ node: { id: template.id, brand: { id: brand.id }, sourceAsset: { id: assets[0]!.id } } }]);
    // templates, then brands and source assets side by side
    expect(statements).toHaveLength(3);
  });
});

// Nested fields go through per-request DataLoaders: a page of brands with their colors, asset
// pages, asset colors and templates costs one statement per edge, however many brands there are.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSyntheticOrganization } from "../../src/demo/seedSyntheticOrganization.ts";
import { unique } from "../support/crudFactory.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const NESTED = `query($organizationId: ID) {
  brands(organizationId: $organizationId, first: 100) {
    edges { node { id colors { hex usageWeight } templates { id }
      assets(first: 10) { edges { node { id colors { hex } feedback { id } } } } } }
  }
}`;

describe("batching nested fields", () => {
  let gateway: TestGateway;
  const statements: string[] = [];
  beforeAll(async () => {
    gateway = await startTestGateway(createTestDeps({}, { onQuery: (sql) => statements.push(sql) }));
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
    return [...statements];
  }

  it("costs the same six statements for 10 brands as for 100", async () => {
    const ten = await statementsOfNestedQuery(10);
    const hundred = await statementsOfNestedQuery(100);
    // brands, their colors, their asset pages, the assets' colors, the assets' feedback, templates
    expect(ten).toHaveLength(6);
    expect(hundred).toHaveLength(ten.length);
  }, 120_000);
});

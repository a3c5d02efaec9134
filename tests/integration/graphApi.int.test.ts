import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNeo4jGraphQL } from "../../src/graphql/graphApi/buildGraphApiSchema.ts";
import { graphFixtures, type GraphFixtures } from "../support/graphFixtures.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

describe("the generated @neo4j/graphql read API", () => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  let brand: { id: string; name: string; organizationId: string };
  let hexes: string[];

  beforeAll(async () => {
    gateway = await startTestGateway();
    fixtures = graphFixtures(gateway.deps);
    hexes = fixtures.hexes(2).sort();
    brand = await fixtures.brand(await fixtures.organization(), [
      { hex: hexes[0]!, name: "Ink", usageWeight: 0.7 },
      { hex: hexes[1]!, name: "Chalk", usageWeight: 0.3 },
    ]);
    await fixtures.asset(brand.id, { colors: hexes, complianceScore: 0.9, feedback: ["approve"] });
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  it("runs on this Neo4j (checkNeo4jCompat)", async () => {
    const { driver, database } = gateway.deps.graph!;
    await expect(createNeo4jGraphQL(gateway.deps.graph).checkNeo4jCompat({ driver, sessionConfig: { database } })).resolves.toBeUndefined();
  });

  it("filters, sorts and follows relationships with camelCase fields over snake_case properties", async () => {
    const result = await gateway.graphql(
      `query ($id: ID!) { graphBrands(where: { brandId: { eq: $id } }) {
         brandId organizationId name learningActive createdAt
         colors(sort: [{ hex: ASC }]) { hex name }
         colorsConnection(sort: [{ edge: { usageWeight: DESC } }]) { edges { properties { usageWeight } node { hex } } }
         assets { complianceScore feedbackConnection { edges { properties { action } } } colors { hex } } } }`,
      { id: brand.id },
    );
    expect(result.errors).toBeUndefined();
    const [graphBrand] = result.data.graphBrands;
    expect(graphBrand).toMatchObject({ brandId: brand.id, organizationId: brand.organizationId, name: brand.name, learningActive: false });
    expect(graphBrand.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(graphBrand.colors).toEqual([
      { hex: hexes[0], name: "Ink" },
      { hex: hexes[1], name: "Chalk" },
    ]);
    expect(graphBrand.colorsConnection.edges.map((e: any) => [e.node.hex, e.properties.usageWeight])).toEqual([
      [hexes[0], 0.7],
      [hexes[1], 0.3],
    ]);
    expect(graphBrand.assets).toEqual([
      { complianceScore: 0.9, feedbackConnection: { edges: [{ properties: { action: "approve" } }] }, colors: expect.any(Array) },
    ]);
  });

  it("exposes no generated create, update or delete mutation", async () => {
    const result = await gateway.graphql(`{ __schema { mutationType { fields { name } } } }`);
    const names: string[] = result.data.__schema.mutationType.fields.map((f: any) => f.name);
    // The only mutations naming the graph are the contract's operator tools, written by hand.
    expect(names.filter((name) => /graph/i.test(name)).sort()).toEqual(["backfillGraph", "reconcileGraph"]);
    expect(names.filter((name) => /^(create|update|delete)(Graph|Brands$|Colors$|Assets$|Templates$)/.test(name))).toEqual([]);
  });

  it("names every generated type with a Graph prefix, leaving the contract's PageInfo and DateTime alone", async () => {
    const result = await gateway.graphql(`{ __schema { types { name } } __type(name: "PageInfo") { fields { name } } }`);
    const names: string[] = result.data.__schema.types.map((t: any) => t.name);
    expect(names).toEqual(expect.arrayContaining(["GraphBrand", "GraphColor", "GraphAsset", "GraphTemplate", "GraphPageInfo", "GraphDateTime", "GraphSortDirection"]));
    expect(names).not.toContain("SortDirection");
    expect(result.data.__type.fields.map((f: any) => f.name)).toEqual(["hasNextPage", "endCursor"]);
  });
});

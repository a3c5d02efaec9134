import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countingGraph } from "../support/countingGraph.ts";
import { graphFixtures, type GraphFixtures } from "../support/graphFixtures.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

describe("graph fields on a list of brands", () => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  let statements: string[];
  let shared: string[];
  let owners: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    // Graph statements as they are sent, SQL as it answers, in one log.
    statements = [];
    const deps = createTestDeps({ onQuery: (sql) => statements.push(`SQL ${sql}`) });
    const counting = countingGraph(deps.graph!, statements);
    gateway = await startTestGateway({ ...deps, graph: counting.graph });
    fixtures = graphFixtures(deps);
    shared = fixtures.hexes(3);
    owners = [];
    for (let i = 0; i < 6; i++) {
      const brand = await fixtures.brand(await fixtures.organization(), shared.map((hex, n) => ({ hex, usageWeight: n === 0 ? i / 10 : 0.5 })));
      owners.push(brand);
    }
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  const graphStatementName = (s: string) => /^\/\* (\w+) \*\//.exec(s)?.[1] ?? "generated";
  const statementNames = () => statements.filter((s) => !s.startsWith("SQL ")).map(graphStatementName);

  it("reads brand(id)'s row and the similar brands the graph names in one Postgres statement after the graph's", async () => {
    statements.length = 0;
    const result = await gateway.graphql(`query ($id: ID!) { brand(id: $id) { name similarBrands { brand { id name } } } }`, { id: owners[0]!.id });
    expect(result.errors).toBeUndefined();
    expect(result.data.brand.similarBrands).toHaveLength(5);
    const order = statements.flatMap((s) => {
      if (!s.startsWith("SQL ")) return [graphStatementName(s)];
      return /FROM brands WHERE id = ANY/.test(s) ? ["brand rows"] : [];
    });
    expect(order).toEqual(["similarBrands", "brand rows"]);
    expect(result.data.brand.similarBrands.map((s: any) => s.brand.name).sort()).toEqual(owners.slice(1).map((o) => o.name).sort());
  });

  it("with only the similar brands' ids asked, reads brand(id)'s row and the pending brand deletes in one statement beside the graph's, and no similar brand's row", async () => {
    statements.length = 0;
    const result = await gateway.graphql(`query ($id: ID!) { brand(id: $id) { name similarBrands { brand { id } similarityScore } } }`, { id: owners[0]!.id });
    expect(result.errors).toBeUndefined();
    expect(result.data.brand.name).toBe(owners[0]!.name);
    expect(result.data.brand.similarBrands.map((s: any) => s.brand.id).sort()).toEqual(owners.slice(1).map((o) => o.id).sort());
    const order = statements.flatMap((s) => {
      if (!s.startsWith("SQL ")) return [graphStatementName(s)];
      if (/pending\.ids/.test(s)) return ["brand row and pending deletes"];
      return /FROM brands/.test(s) ? ["brand rows"] : [];
    });
    expect(order).toEqual(["similarBrands", "brand row and pending deletes"]);
  });

  it("answers Postgres fields and similarBrands of six brands with one similarBrands statement", async () => {
    statements.length = 0;
    const result = await gateway.graphql(
      `query ($hex: String!) { color(hex: $hex) { brands { brand {
         id name organizationId learningActive feedbackCount createdAt
         similarBrands(minSharedColors: 3, limit: 50) { brand { id name } sharedColorCount similarityScore } } } } }`,
      { hex: shared[0] },
    );
    expect(result.errors).toBeUndefined();
    const brands = result.data.color.brands.map((o: any) => o.brand);
    expect(brands.map((b: any) => b.id)).toEqual(owners.map((o) => o.id).reverse());
    for (const brand of brands) {
      const owner = owners.find((o) => o.id === brand.id)!;
      expect(brand).toMatchObject({ name: owner.name, learningActive: false, feedbackCount: 0 });
      expect(brand.similarBrands.map((s: any) => s.brand.id).sort()).toEqual(owners.map((o) => o.id).filter((id) => id !== brand.id).sort());
      expect(brand.similarBrands.every((s: any) => s.similarityScore === 1 && s.sharedColorCount === 3)).toBe(true);
    }
    // The brandsUsingColor statement also tells Query.color that the color exists: no colorByHex.
    expect(statementNames()).toEqual(["brandsUsingColor", "similarBrands"]);
  });

  it("batches the brands of every paired color into one statement", async () => {
    const painter = owners[0]!.id;
    await Promise.all(
      [0, 1].map(() => fixtures.asset(painter, { colors: shared, complianceScore: 0.9, feedback: ["approve"] })),
    );
    statements.length = 0;
    const result = await gateway.graphql(
      `query ($hex: String!) { color(hex: $hex) { pairings(minSamples: 1) { color { hex brands { brand { id } } pairings(minSamples: 1) { pairingCount } } } } }`,
      { hex: shared[0] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.color.pairings).toHaveLength(2);
    expect(result.data.color.pairings.every((p: any) => p.color.brands.length === 6)).toBe(true);
    // The first pairings statement also tells Query.color that the color exists: no colorByHex.
    expect(statementNames()).toEqual(["colorPairings", "brandsUsingColor", "colorPairings"]);
  });

  it("reaches a brand's Postgres fields and its similar brands in one query", async () => {
    const result = await gateway.graphql(
      `query ($id: ID!) { brand(id: $id) { name createdAt similarBrands(limit: 2) { brand { name } similarityScore } } }`,
      { id: owners[0]!.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.brand.name).toBe(owners[0]!.name);
    expect(result.data.brand.similarBrands).toHaveLength(2);
  });
});

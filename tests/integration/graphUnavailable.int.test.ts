// Neo4j down or disabled: graph fields fail alone with GRAPH_UNAVAILABLE while the Postgres
// fields of the same query resolve, and the REST graph routes answer 503 instead of an empty list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver } from "../../src/graph/createDriver.ts";
import { createTestDeps, startTestGateway, type TestDeps, type TestGateway } from "../support/testDeps.ts";

const scenarios: Array<[string, (deps: TestDeps) => TestDeps]> = [
  ["disabled (no graph configured)", (deps) => ({ ...deps, graph: null })],
  [
    "configured but not answering (a dead port)",
    (deps) => {
      const dead = createDriver("bolt://127.0.0.1:1", deps.config.neo4j);
      return {
        ...deps,
        graph: { driver: dead, database: "neo4j" },
        close: async () => {
          await dead.close();
          await deps.close();
        },
      };
    },
  ],
];

describe.each(scenarios)("with the graph %s", (_label, withoutGraph) => {
  let gateway: TestGateway;
  let brand: { id: string; name: string; organizationId: string };

  beforeAll(async () => {
    const deps = createTestDeps();
    const organization = await deps.prisma.organization.create({ data: { name: "Graphless org" } });
    brand = await deps.prisma.brand.create({ data: { organizationId: organization.id, name: "Graphless brand" } });
    gateway = await startTestGateway(withoutGraph(deps));
  });
  afterAll(async () => {
    await gateway.deps.prisma.organization.delete({ where: { id: brand.organizationId } });
    await gateway.close();
  });

  it("resolves a brand's Postgres fields and fails only similarBrands with GRAPH_UNAVAILABLE", async () => {
    const result = await gateway.graphql(`query ($id: ID!) { brand(id: $id) { id name similarBrands { similarityScore } } }`, {
      id: brand.id,
    });
    expect(result.data).toEqual({ brand: { id: brand.id, name: "Graphless brand", similarBrands: null } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ["brand", "similarBrands"], extensions: { code: "GRAPH_UNAVAILABLE" } });
  });

  it("resolves a brand's Postgres fields and fails only Brand.graph with GRAPH_UNAVAILABLE", async () => {
    const result = await gateway.graphql(`query ($id: ID!) { brand(id: $id) { id name graph { brandId } } }`, { id: brand.id });
    expect(result.data).toEqual({ brand: { id: brand.id, name: "Graphless brand", graph: null } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ["brand", "graph"], extensions: { code: "GRAPH_UNAVAILABLE" } });
  });

  it("fails Query.color and a generated graph field with GRAPH_UNAVAILABLE beside a Postgres field", async () => {
    const result = await gateway.graphql(`{ health { postgres } color(hex: "#ABCDEF") { hex } graphBrands(limit: 1) { name } }`);
    expect(result.data).toEqual({ health: { postgres: true }, color: null, graphBrands: null });
    expect(result.errors!.map((e) => [e.path[0], e.extensions.code]).sort()).toEqual([
      ["color", "GRAPH_UNAVAILABLE"],
      ["graphBrands", "GRAPH_UNAVAILABLE"],
    ]);
  });

  it.each(["/v1/brands/some-brand/graph", "/v1/colors/ABCDEF/brands", "/v1/brands/some-brand/similar", "/v1/colors/ABCDEF/pairings"])(
    "answers GET %s with 503 GRAPH_UNAVAILABLE",
    async (path) => {
      const res = await fetch(`${gateway.url}${path}`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: "GRAPH_UNAVAILABLE", message: expect.stringMatching(/unavailable/) });
    },
  );
});

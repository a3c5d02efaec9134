import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFixtures, type GraphFixtures } from "../support/graphFixtures.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

describe("the seed plan's /v1 REST routes", () => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  let hexes: string[];
  let asked: { id: string; name: string };
  let similar: { id: string; name: string };

  beforeAll(async () => {
    gateway = await startTestGateway();
    fixtures = graphFixtures(gateway.deps);
    hexes = fixtures.hexes(4).sort();
    const [h0, h1, h2, h3] = hexes as [string, string, string, string];
    asked = await fixtures.brand(await fixtures.organization(), [
      { hex: h0, name: "Midnight", usage: "primary", usageWeight: 0.6, context: "Headers" },
      { hex: h1, name: "Paper", usage: "background", usageWeight: 0.3, context: "Pages" },
      { hex: h2, name: "Signal", usage: "accent", usageWeight: 0.1, context: "CTAs" },
    ]);
    similar = await fixtures.brand(await fixtures.organization(), [{ hex: h0, usageWeight: 0.2 }, { hex: h1 }, { hex: h2 }, { hex: h3 }]);
    for (let i = 0; i < 5; i++) {
      await fixtures.asset(asked.id, { colors: [h0, h3], complianceScore: 0.5 + i / 10, feedback: ["approve"] });
    }
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  const get = async (path: string) => {
    const res = await fetch(`${gateway.url}${path}`);
    return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
  };

  it("GET /v1/brands/{id}/graph lists the brand's colors by usage weight", async () => {
    const { status, body } = await get(`/v1/brands/${asked.id}/graph`);
    expect(status).toBe(200);
    expect(body).toEqual({
      brand_id: asked.id,
      colors: [
        { hex: hexes[0], name: "Midnight", usage: "primary", usage_weight: 0.6, context: "Headers" },
        { hex: hexes[1], name: "Paper", usage: "background", usage_weight: 0.3, context: "Pages" },
        { hex: hexes[2], name: "Signal", usage: "accent", usage_weight: 0.1, context: "CTAs" },
      ],
      relationships: { color_count: 3 },
    });
  });

  it.each([
    ["without '#', lower case", (h: string) => h.slice(1).toLowerCase()],
    ["with an encoded '#'", (h: string) => `%23${h.slice(1)}`],
  ])("GET /v1/colors/{hex}/brands accepts the hex %s", async (_label, spell) => {
    const { status, body } = await get(`/v1/colors/${spell(hexes[0]!)}/brands`);
    expect(status).toBe(200);
    expect(body).toEqual({
      color: hexes[0],
      brands: [
        { brand_id: asked.id, brand_name: asked.name, usage: "primary", usage_weight: 0.6 },
        { brand_id: similar.id, brand_name: similar.name, usage: null, usage_weight: 0.2 },
      ],
      brand_count: 2,
    });
  });

  it("GET /v1/brands/{id}/similar scores other organizations' brands", async () => {
    const { status, body } = await get(`/v1/brands/${asked.id}/similar?min_shared_colors=3`);
    expect(status).toBe(200);
    expect(body).toEqual({
      brand_id: asked.id,
      similar_brands: [
        {
          similar_brand_id: similar.id,
          similar_brand_name: similar.name,
          shared_colors: hexes.slice(0, 3),
          shared_color_count: 3,
          similarity_score: 0.75,
        },
      ],
      count: 1,
    });
    expect((await get(`/v1/brands/${asked.id}/similar?min_shared_colors=4`)).body).toEqual({ brand_id: asked.id, similar_brands: [], count: 0 });
  });

  it("GET /v1/colors/{hex}/pairings counts approved co-use, default min_samples 5", async () => {
    const { status, body } = await get(`/v1/colors/${hexes[3]!.slice(1)}/pairings`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      color: hexes[3],
      pairings: [{ paired_hex: hexes[0], paired_name: "Midnight", pairing_count: 5 }],
      pairing_count: 1,
    });
    expect(body.pairings[0].avg_compliance_score).toBeCloseTo(0.7, 10);
    expect((await get(`/v1/colors/${hexes[3]!.slice(1)}/pairings?min_samples=6`)).body.pairings).toEqual([]);
  });

  it.each([
    ["/v1/colors/12345/brands", "hex"],
    ["/v1/colors/%E0%A4%A/brands", "path"],
    ["/v1/colors/ABCDEF/pairings?min_samples=0", "min_samples"],
    ["/v1/colors/ABCDEF/pairings?min_samples=2.5", "min_samples"],
    ["/v1/colors/ABCDEF/pairings?limit=51", "limit"],
    ["/v1/brands/x/similar?min_shared_colors=abc", "min_shared_colors"],
  ])("GET %s is a 400 naming %s", async (path, field) => {
    const { status, type, body } = await get(path);
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/json/);
    expect(body).toEqual({ error: "BAD_USER_INPUT", field, message: expect.stringContaining(field) });
  });

  it("answers an unknown /v1 route with a JSON 404 and another method with a 405", async () => {
    expect(await get("/v1/brands/x/nothing")).toMatchObject({ status: 404, body: { error: "NOT_FOUND" } });
    const res = await fetch(`${gateway.url}/v1/brands/x/graph`, { method: "POST" });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ error: "METHOD_NOT_ALLOWED" });
  });
});

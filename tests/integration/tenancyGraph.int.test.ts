// Tenancy in the graph half and the REST routes. similarBrands crosses organizations by design:
// of another organization's brand a caller learns its id, its name, the colors both brands share
// and the score: it is a ForeignBrand, which has no other field, so asking more fails validation. Color.brands lists only the caller's own
// brands; Color.pairings counts approved assets of every organization but names no brand. The
// generated graph* API answers every role, within its organization.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTenants, type Tenants } from "../support/tenants.ts";

const ROLES = ["viewer", "editor", "admin"] as const;

let tenants: Tenants;
beforeAll(async () => {
  tenants = await startTenants();
});
afterAll(() => tenants.close());

async function call(role: (typeof ROLES)[number], query: string, variables: Record<string, unknown> = {}) {
  return tenants.gateway.graphql(query, variables, await tenants.as(role));
}

describe("what similarBrands reveals about another organization's brand", () => {
  const SIMILAR = `query ($id: ID!) { brand(id: $id) { similarBrands { brand { id name } sharedColors sharedColorCount similarityScore } } }`;

  it("its id, its name, the shared colors and the score", async () => {
    const { own, foreign, sharedHexes } = tenants;
    const result = await call("viewer", SIMILAR, { id: own.brand.id });
    expect(result.errors).toBeUndefined();
    expect(result.data.brand.similarBrands).toEqual([
      { brand: foreign.brand, sharedColors: sharedHexes, sharedColorCount: 3, similarityScore: 1 },
    ]);
  });

  it.each([
    ["organizationId", "organizationId"],
    ["organization", "organization { id }"],
    ["learningActive", "learningActive"],
    ["feedbackCount", "feedbackCount"],
    ["createdAt", "createdAt"],
    ["colors", "colors { hex }"],
    ["assets", "assets { edges { node { id prompt } } }"],
    ["templates", "templates { id }"],
    ["similarBrands", "similarBrands { brand { id } }"],
  ])("nothing more: asking its %s is a validation error (HTTP 400), before anything is read", async (field, selection) => {
    const res = await fetch(`${tenants.gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await tenants.as("admin")) },
      body: JSON.stringify({ query: `query ($id: ID!) { brand(id: $id) { id similarBrands { brand { id ${selection} } } } }`, variables: { id: tenants.own.brand.id } }),
    });
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors.map((e: { message: string; extensions: { code: string } }) => [e.extensions.code, e.message])).toEqual([
      ["GRAPHQL_VALIDATION_FAILED", `Cannot query field "${field}" on type "ForeignBrand".`],
    ]);
  });

  it("a brand of the caller's own organization is a full Brand, a similar brand a ForeignBrand", async () => {
    const result = await call("viewer", `query ($id: ID!) { brand(id: $id) { __typename organizationId similarBrands { brand { __typename } } } }`, { id: tenants.own.brand.id });
    expect(result).toEqual({
      data: { brand: { __typename: "Brand", organizationId: tenants.own.organizationId, similarBrands: [{ brand: { __typename: "ForeignBrand" } }] } },
    });
  });

  it("and nothing at all when the asked brand is not the caller's", async () => {
    expect(await call("viewer", SIMILAR, { id: tenants.foreign.brand.id })).toEqual({ data: { brand: null } });
  });
});

describe("Color fields across organizations", () => {
  it("Color.brands lists only the caller's own organization's brands", async () => {
    const result = await call("viewer", `query ($hex: String!) { color(hex: $hex) { brands { brand { id } usageWeight } } }`, { hex: tenants.sharedHexes[0] });
    expect(result).toEqual({ data: { color: { brands: [{ brand: { id: tenants.own.brand.id }, usageWeight: 0.3 }] } } });
  });

  it("Color.pairings counts approved assets of every organization, and the paired colors name only the caller's brands", async () => {
    const [first, second, third] = tenants.sharedHexes;
    const result = await call("viewer", `query ($hex: String!) { color(hex: $hex) { pairings(minSamples: 1) { color { hex brands { brand { id } } } pairingCount } } }`, {
      hex: first,
    });
    expect(result.errors).toBeUndefined();
    const ownBrands = [{ brand: { id: tenants.own.brand.id } }];
    expect(result.data.color.pairings).toEqual([
      { color: { hex: second, brands: ownBrands }, pairingCount: 2 },
      { color: { hex: third, brands: ownBrands }, pairingCount: 2 },
    ]);
  });
});

describe("the generated graph API", () => {
  const GRAPH_BRANDS = `query ($ids: [ID!]) { graphBrands(where: { brandId: { in: $ids } }) { brandId } }`;

  // Every root field, nesting, count and filter: tenancyGraphApi.int.test.ts.
  it.each(ROLES)("answers a %s with its own organization's brands only", async (role) => {
    const result = await call(role, GRAPH_BRANDS, { ids: [tenants.own.brand.id, tenants.foreign.brand.id] });
    expect(result).toEqual({ data: { graphBrands: [{ brandId: tenants.own.brand.id }] } });
  });
});

// Both organizations call, in every role: each sees its own brand and only the other's ForeignBrand fields.
const CALLERS = (["own", "foreign"] as const).flatMap((side) => ROLES.map((role) => [side, role] as const));

describe.each(CALLERS)("the REST routes, as the %s organization's %s", (side, role) => {
  const me = () => tenants[side];
  const them = () => tenants[side === "own" ? "foreign" : "own"];
  const get = async (path: string) => {
    const res = await fetch(`${tenants.gateway.url}${path}`, { headers: await tenants.as(role, me().organizationId) });
    return { status: res.status, body: await res.json() };
  };

  it.each(["graph", "similar"])("GET /v1/brands/{id}/%s of another organization's brand is 404, like an unknown id", async (route) => {
    const foreign = await get(`/v1/brands/${them().brand.id}/${route}`);
    const unknown = await get(`/v1/brands/019abcde-0000-7000-8000-00000000dead/${route}`);
    expect(foreign).toEqual({ status: 404, body: { error: "NOT_FOUND", field: "brand_id", message: `Brand ${them().brand.id} does not exist` } });
    expect(unknown.status).toBe(404);
  });

  it("GET /v1/brands/{id}/graph answers the caller's own brand", async () => {
    const { status, body } = await get(`/v1/brands/${me().brand.id}/graph`);
    expect(status).toBe(200);
    expect(body.relationships).toEqual({ color_count: 3 });
  });

  it("GET /v1/brands/{id}/similar reveals of another organization's brand what GraphQL does: id, name, shared colors, score", async () => {
    const { status, body } = await get(`/v1/brands/${me().brand.id}/similar`);
    expect(status).toBe(200);
    expect(body.similar_brands).toEqual([
      {
        similar_brand_id: them().brand.id,
        similar_brand_name: them().brand.name,
        shared_colors: tenants.sharedHexes,
        shared_color_count: 3,
        similarity_score: 1,
      },
    ]);
  });

  it("GET /v1/colors/{hex}/brands lists only the caller's own organization's brands", async () => {
    const { status, body } = await get(`/v1/colors/${tenants.sharedHexes[0]!.slice(1)}/brands`);
    expect(status).toBe(200);
    expect(body.brands.map((b: { brand_id: string }) => b.brand_id)).toEqual([me().brand.id]);
    expect(body.brand_count).toBe(1);
  });
});

describe("the REST routes without a token", () => {
  it("refuses a request without a token: 401", async () => {
    expect((await fetch(`${tenants.gateway.url}/v1/brands/${tenants.own.brand.id}/graph`)).status).toBe(401);
  });
});

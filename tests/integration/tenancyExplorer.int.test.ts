// The explorer's own requests (web/explorer/queries.ts), sent as the page sends them by callers of two
// organizations in every role: each sees its own organization's brands, assets and templates only,
// another organization's brand only as the ForeignBrand of a similar brand (its id and name), and a
// brand of the other organization asked for by id is null, exactly like an unknown one.
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRAND_GRAPH, BRAND_LIST, COLOR_BRANDS } from "../../web/explorer/queries.ts";
import { startTenants, type Tenant, type Tenants } from "../support/tenants.ts";

const SIDES = ["own", "foreign"] as const;
const ROLES = ["viewer", "editor", "admin"] as const;
const CALLERS = SIDES.flatMap((side) => ROLES.map((role) => [side, role] as const));

let tenants: Tenants;
beforeAll(async () => {
  tenants = await startTenants();
});
afterAll(() => tenants.close());

const other = (side: (typeof SIDES)[number]): Tenant => tenants[side === "own" ? "foreign" : "own"];

/** Ids of the other organization that no answer may hold (its brand's id is allowed only as a ForeignBrand). */
const hiddenIdsOf = (t: Tenant) => [t.organizationId, t.assetId, t.feedbackId, t.templateId];

describe.each(CALLERS)("the explorer's requests of the %s organization's %s", (side, role) => {
  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const reply = await tenants.gateway.graphql(query, variables, await tenants.as(role, tenants[side].organizationId));
    expect(reply.errors).toBeUndefined();
    for (const id of hiddenIdsOf(other(side))) expect(JSON.stringify(reply.data)).not.toContain(id);
    return reply.data;
  };

  it("lists its own organization's brands only", async () => {
    const data = await ask(print(BRAND_LIST));
    expect(data.brands.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([tenants[side].brand.id]);
  });

  it("draws its own brand in full, and the other organization's similar brand by id and name only", async () => {
    const { brand } = await ask(print(BRAND_GRAPH), { id: tenants[side].brand.id });
    expect(brand.organizationId).toBe(tenants[side].organizationId);
    expect(brand.assets.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([tenants[side].assetId]);
    expect(brand.templates.map((t: { id: string }) => t.id)).toEqual([tenants[side].templateId]);
    const similar = brand.similarBrands.filter((s: { brand: { id: string } }) => s.brand.id === other(side).brand.id);
    expect(similar).toEqual([{ brand: { id: other(side).brand.id, name: other(side).brand.name }, sharedColors: tenants.sharedHexes, sharedColorCount: 3, similarityScore: 1 }]);
  });

  it("gets null for the other organization's brand asked for by id (a link or a click)", async () => {
    expect(await ask(print(BRAND_GRAPH), { id: other(side).brand.id })).toEqual({ brand: null });
  });

  it("sees a shared color's brands of its own organization only", async () => {
    const { color } = await ask(print(COLOR_BRANDS), { hex: tenants.sharedHexes[0] });
    expect(color.brands.map((o: { brand: { id: string } }) => o.brand.id)).toEqual([tenants[side].brand.id]);
  });
});

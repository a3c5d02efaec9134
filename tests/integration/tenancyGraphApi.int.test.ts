// The generated graph* API for every tenant's frontend: callers of two organizations, each as
// viewer, editor and admin, over every generated root field nested to depth 3, connections and
// their counts, aggregations and filters naming the other organization's ids. Whatever is asked,
// no row, id, name or count of the other organization comes back. Colors are shared vocabulary:
// every caller sees them, named as its own organization names them, counted over its own nodes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/auth/access.ts";
import { createNeo4jGraphQL } from "../../src/graphql/graphApi/buildGraphApiSchema.ts";
import { startGraphTenants, type GraphTenant, type GraphTenants } from "../support/graphTenants.ts";
import { leakedValues } from "../support/leakedValues.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

let tenants: GraphTenants;
beforeAll(async () => {
  tenants = await startGraphTenants();
});
afterAll(() => tenants?.close());

const ROLES: Role[] = ["viewer", "editor", "admin"];
/** Each organization's caller in each role, with the organization it must never see. */
const CALLERS = ["own", "foreign"].flatMap((side) => ROLES.map((role) => [side as "own" | "foreign", role] as const));
const sides = (side: "own" | "foreign") => (side === "own" ? [tenants.own, tenants.foreign] : [tenants.foreign, tenants.own]) as [GraphTenant, GraphTenant];
const allHexes = () => [...tenants.sharedHexes, tenants.own.onlyHex, tenants.foreign.onlyHex];

async function ask(side: "own" | "foreign", role: Role, query: string, variables: Record<string, unknown> = {}) {
  const [caller, other] = sides(side);
  const result = await tenants.graphql(role, query, variables, caller.organizationId);
  expect(result.errors).toBeUndefined();
  expect(leakedValues(result.data, other)).toEqual([]);
  return result.data;
}

/** Depth 3 from every root field: every relationship, its connection with counts, and aggregations. */
const BRAND = `brandId organizationId name
  colors { hex name ownedBy { brandId organizationId name } usedIn { assetId organizationId prompt }
           ownedByConnection { totalCount aggregate { count { nodes edges } node { name { shortest } } edge { name { longest } } } }
           usedInConnection { totalCount aggregate { count { nodes edges } node { prompt { longest } } } } }
  assets { assetId organizationId brand { brandId } feedback { assetId }
           feedbackConnection { totalCount edges { properties { feedbackId action reason } } } }
  templates { templateId organizationId basedOn { assetId brand { brandId } } }
  colorsConnection { totalCount edges { properties { name usage } node { hex name } } aggregate { count { nodes edges } } }
  assetsConnection { totalCount aggregate { count { nodes } node { prompt { shortest } } } }
  templatesConnection { totalCount edges { node { templateId name } } }`;
const ASSET = `assetId organizationId prompt
  brand { brandId name colors { hex ownedBy { brandId } } templates { templateId } }
  colors { hex name ownedBy { brandId organizationId } usedIn { assetId organizationId } usedInConnection { totalCount } }
  feedback { assetId brand { brandId } }
  feedbackConnection { totalCount edges { properties { feedbackId action reason } node { assetId } } aggregate { count { nodes edges } } }
  brandConnection { totalCount edges { node { brandId assets { assetId } } } }
  colorsConnection { totalCount edges { properties { coverage } node { hex ownedByConnection { totalCount } } } }`;
const TEMPLATE = `templateId organizationId name
  brand { brandId name assets { assetId prompt } colors { hex name } }
  basedOn { assetId prompt colors { hex usedIn { assetId } } feedback { assetId } }
  brandConnection { totalCount aggregate { count { nodes } } }
  basedOnConnection { totalCount edges { node { assetId brand { brandId } } } }`;
const COLOR = `hex name
  ownedBy { brandId organizationId name assets { assetId prompt } templates { templateId name } }
  usedIn { assetId organizationId prompt brand { brandId } feedback { assetId } }
  ownedByConnection { totalCount edges { properties { name usage usageWeight } node { brandId colors { hex } } }
                      aggregate { count { nodes edges } node { name { shortest longest } } edge { name { shortest } usageWeight { max } } } }
  usedInConnection { totalCount edges { properties { coverage } node { assetId brand { brandId } } }
                     aggregate { count { nodes edges } node { prompt { longest } } edge { coverage { sum } } } }`;

/** Every generated root field, unfiltered (colors: the test's), and what a caller's organization holds of it. */
const ROOT_QUERIES: Record<string, { query: string; own: (caller: GraphTenant, data: any) => void }> = {
  graphBrands: {
    query: `{ graphBrands { ${BRAND} } }`,
    own: (caller, data) => expect(data.graphBrands.map((b: any) => b.brandId).sort()).toEqual([...caller.brandIds].sort()),
  },
  graphBrandsConnection: {
    query: `{ graphBrandsConnection { totalCount aggregate { count { nodes } node { name { shortest } } } edges { node { ${BRAND} } } } }`,
    own: (caller, data) => {
      expect(data.graphBrandsConnection.totalCount).toBe(caller.brandIds.length);
      expect(data.graphBrandsConnection.aggregate.count.nodes).toBe(caller.brandIds.length);
    },
  },
  graphAssets: {
    query: `{ graphAssets { ${ASSET} } }`,
    own: (caller, data) => expect(data.graphAssets.map((a: any) => a.assetId).sort()).toEqual([...caller.assetIds].sort()),
  },
  graphAssetsConnection: {
    query: `{ graphAssetsConnection { totalCount aggregate { count { nodes } } edges { node { ${ASSET} } } } }`,
    own: (caller, data) => {
      expect(data.graphAssetsConnection.totalCount).toBe(caller.assetIds.length);
      expect(data.graphAssetsConnection.aggregate.count.nodes).toBe(caller.assetIds.length);
    },
  },
  graphTemplates: {
    query: `{ graphTemplates { ${TEMPLATE} } }`,
    own: (caller, data) => expect(data.graphTemplates.map((t: any) => t.templateId).sort()).toEqual([...caller.templateIds].sort()),
  },
  graphTemplatesConnection: {
    query: `{ graphTemplatesConnection { totalCount aggregate { count { nodes } } edges { node { ${TEMPLATE} } } } }`,
    own: (caller, data) => expect(data.graphTemplatesConnection.totalCount).toBe(caller.templateIds.length),
  },
  graphColors: {
    query: `query ($hexes: [String!]) { graphColors(where: { hex: { in: $hexes } }, sort: [{ hex: ASC }]) { ${COLOR} } }`,
    own: (caller, data) => expect(data.graphColors.map((c: any) => c.hex).sort()).toEqual(allHexes().sort()),
  },
  graphColorsConnection: {
    query: `query ($hexes: [String!]) { graphColorsConnection(where: { hex: { in: $hexes } }) { totalCount aggregate { count { nodes } } edges { node { ${COLOR} } } } }`,
    own: (_caller, data) => expect(data.graphColorsConnection.totalCount).toBe(allHexes().length),
  },
};

describe("every generated root field, nested to depth 3", () => {
  it("the list covers every generated graph* root field", async () => {
    const generated = Object.keys((await createNeo4jGraphQL(null).getSchema()).getQueryType()!.getFields());
    expect(generated.sort()).toEqual(Object.keys(ROOT_QUERIES).sort());
  });

  describe.each(CALLERS)("for the %s organization's %s", (side, role) => {
    it.each(Object.keys(ROOT_QUERIES))("%s holds its own organization's nodes and counts only", async (field) => {
      const { query, own } = ROOT_QUERIES[field]!;
      const data = await ask(side, role, query, { hexes: allHexes() });
      own(sides(side)[0], data);
      expect(countsMatchingLists(data)).toEqual([]);
    });
  });
});

describe("colors are shared vocabulary, seen through the caller's own organization", () => {
  it.each(CALLERS)("the %s organization's %s sees every color, with its own names and its own counts", async (side, role) => {
    const [caller] = sides(side);
    const [first, second, third] = tenants.sharedHexes as [string, string, string];
    const data = await ask(
      side,
      role,
      `query ($hexes: [String!]) { graphColors(where: { hex: { in: $hexes } }) {
         hex name ownedByConnection { totalCount aggregate { count { nodes } } } usedInConnection { totalCount } } }`,
      { hexes: allHexes() },
    );
    const [, , , onlyName] = caller.paletteNames;
    const byHex = Object.fromEntries(data.graphColors.map((c: any) => [c.hex, [c.name, c.ownedByConnection.totalCount, c.ownedByConnection.aggregate.count.nodes, c.usedInConnection.totalCount]]));
    const other = sides(side)[1];
    expect(byHex).toEqual({
      // Both of its brands own the first shared color, both of its assets use it; the other
      // organization's two brands and two assets with it count for nothing.
      [first]: [caller.firstSharedName, 2, 2, 2],
      [second]: [caller.paletteNames[1], 1, 1, 1],
      [third]: [caller.paletteNames[2], 1, 1, 1],
      [caller.onlyHex]: [onlyName, 1, 1, 1],
      // Only the other organization uses it: visible as a color, with no name and nothing behind it.
      [other.onlyHex]: [null, 0, 0, 0],
    });
  });
});

describe("filters naming the other organization's ids", () => {
  /** Each names the other organization's nodes: every list comes back empty, every count 0. */
  const FOREIGN_FILTERS: Record<string, (other: GraphTenant) => [string, Record<string, unknown>, unknown?]> = {
    "brands by id": (o) => [`query ($ids: [ID!]) { graphBrands(where: { brandId: { in: $ids } }) { brandId } }`, { ids: o.brandIds }],
    "brands by organization": (o) => [`query ($id: ID!) { graphBrands(where: { organizationId: { eq: $id } }) { brandId } }`, { id: o.organizationId }],
    "brands by one of their assets": (o) => [`query ($ids: [ID!]) { graphBrands(where: { assets: { some: { assetId: { in: $ids } } } }) { brandId } }`, { ids: o.assetIds }],
    "brand count by id": (o) => [`query ($ids: [ID!]) { graphBrandsConnection(where: { brandId: { in: $ids } }) { totalCount aggregate { count { nodes } } } }`, { ids: o.brandIds }],
    "assets by id": (o) => [`query ($ids: [ID!]) { graphAssets(where: { assetId: { in: $ids } }) { assetId } }`, { ids: o.assetIds }],
    "assets by brand": (o) => [`query ($ids: [ID!]) { graphAssets(where: { brand: { some: { brandId: { in: $ids } } } }) { assetId } }`, { ids: o.brandIds }],
    "asset count by organization": (o) => [`query ($id: ID!) { graphAssetsConnection(where: { organizationId: { eq: $id } }) { totalCount aggregate { count { nodes } } } }`, { id: o.organizationId }],
    "templates by id": (o) => [`query ($ids: [ID!]) { graphTemplates(where: { templateId: { in: $ids } }) { templateId } }`, { ids: o.templateIds }],
    "template count by brand": (o) => [`query ($ids: [ID!]) { graphTemplatesConnection(where: { brand: { some: { brandId: { in: $ids } } } }) { totalCount } }`, { ids: o.brandIds }],
    "templates by source asset": (o) => [`query ($ids: [ID!]) { graphTemplates(where: { basedOn: { some: { assetId: { in: $ids } } } }) { templateId } }`, { ids: o.assetIds }],
    "a shared color's owners, users and counts by id": (o) => [
      `query ($hex: String!, $brands: [ID!], $assets: [ID!], $org: ID!) { graphColors(where: { hex: { eq: $hex } }) {
         ownedBy(where: { brandId: { in: $brands } }) { brandId }
         usedIn(where: { assetId: { in: $assets } }) { assetId }
         ownedByConnection(where: { node: { organizationId: { eq: $org } } }) { totalCount aggregate { count { nodes } } }
         usedInConnection(where: { node: { assetId: { in: $assets } } }) { totalCount } } }`,
      { hex: tenants.sharedHexes[0], brands: o.brandIds, assets: o.assetIds, org: o.organizationId },
      // The color itself is everyone's; nothing behind it is the other organization's.
      { graphColors: [{ ownedBy: [], usedIn: [], ownedByConnection: { totalCount: 0, aggregate: { count: { nodes: 0 } } }, usedInConnection: { totalCount: 0 } }] },
    ],
    "colors by the other organization's name for them": (o) => [
      `query ($names: [String!]) { graphColors(where: { name: { in: $names } }) { hex } }`,
      { names: o.paletteNames },
    ],
  };

  describe.each(CALLERS)("for the %s organization's %s", (side, role) => {
    it.each(Object.keys(FOREIGN_FILTERS))("%s: nothing, counted 0", async (name) => {
      const [query, variables, expected] = FOREIGN_FILTERS[name]!(sides(side)[1]);
      const data = await ask(side, role, query, variables);
      if (expected) expect(data).toEqual(expected);
      else expect(nonEmpty(data)).toEqual([]);
    });
  });

  it.each(["ownedBy", "usedIn", "ownedByConnection", "usedInConnection"])(
    "a color cannot be filtered by its %s: the library would not apply the other organization's rule inside the filter",
    async (field) => {
      const result = await tenants.graphql("admin", `{ graphColors(where: { ${field}: {} }) { hex } }`);
      expect(result.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
        ["GRAPHQL_VALIDATION_FAILED", `Field "${field}" is not defined by type "GraphColorWhere".`],
      ]);
    },
  );
});

describe("with authentication off", () => {
  let open: TestGateway;
  beforeAll(async () => {
    open = await startTestGateway();
  });
  afterAll(() => open?.close());

  it("every organization's nodes, counts and names answer, as before tenancy", async () => {
    const brandIds = [...tenants.own.brandIds, ...tenants.foreign.brandIds];
    const result = await open.graphql(
      `query ($ids: [ID!], $hex: String!) {
         graphBrandsConnection(where: { brandId: { in: $ids } }) { totalCount }
         graphColors(where: { hex: { eq: $hex } }) { name ownedByConnection { totalCount } usedInConnection { totalCount } } }`,
      { ids: brandIds, hex: tenants.sharedHexes[0] },
    );
    // The smallest name any brand gives the color: "FOREIGN-SECRET Alpha Teal" < "Own Alpha Teal".
    expect(result).toEqual({
      data: {
        graphBrandsConnection: { totalCount: 4 },
        graphColors: [{ name: tenants.foreign.firstSharedName, ownedByConnection: { totalCount: 4 }, usedInConnection: { totalCount: 4 } }],
      },
    });
  });
});

/** Every list that is not empty and every count that is not 0, by path. */
function nonEmpty(value: unknown, path = "data"): string[] {
  if (Array.isArray(value)) return value.length > 0 ? [path] : [];
  if (typeof value === "number") return value !== 0 ? [`${path} = ${value}`] : [];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, v]) => nonEmpty(v, `${path}.${key}`));
  return [];
}

/**
 * Wherever a relationship is asked both as a list and as a connection, the connection counts what
 * the list holds: a count that included the other organization's nodes would exceed it. Not
 * feedback: its relationships all loop on the asset, which the list holds once.
 */
function countsMatchingLists(value: unknown, path = "data"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => countsMatchingLists(v, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const node = value as Record<string, any>;
  const mismatches = Object.keys(node).flatMap((key) => {
    const list = node[key.replace(/Connection$/, "")];
    if (!key.endsWith("Connection") || key === "feedbackConnection" || !Array.isArray(list) || node[key].totalCount === list.length) return [];
    return [`${path}.${key}.totalCount = ${node[key].totalCount}, the list holds ${list.length}`];
  });
  return [...mismatches, ...Object.entries(node).flatMap(([key, v]) => countsMatchingLists(v, `${path}.${key}`))];
}

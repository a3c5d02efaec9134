// Brand.graph leads from a contract Brand to its generated GraphBrand in one query, for every role
// of either organization, and only ever to the caller's own organization's node: the generated
// half's @authorization filter decides, so a graph node of another organization resolves to null.
// GraphBrand.brand leads back, under the caller's Postgres tenancy as brand(id) is, whether or not
// the client selected brandId, at one SQL statement per level however many nodes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/auth/access.ts";
import { createTestDeps, startTestGateway } from "../support/testDeps.ts";
import { operatorHeaders, startTenants, tenancyHeaders, tenancyVerifier, type Tenant, type Tenants } from "../support/tenants.ts";

// One pair of organizations for both directions of the link.
let tenants: Tenants;
beforeAll(async () => {
  tenants = await startTenants();
});
afterAll(async () => tenants?.close());

/** Each organization as the caller, with the one it must never see. */
const organizations = (): Array<[string, Tenant, Tenant]> => [
  ["own", tenants.own, tenants.foreign],
  ["foreign", tenants.foreign, tenants.own],
];

const BRAND_TO_GRAPH = `query ($id: ID!) {
  brand(id: $id) { id graph { brandId organizationId name colors(sort: [{ hex: ASC }]) { hex } assets { assetId } } }
}`;

describe("Brand.graph", () => {

  for (const role of ROLES) {
    it(`leads a ${role} of each organization from its brand to that brand's graph node and relationships`, async () => {
      for (const [, tenant] of organizations()) {
        const { data, errors } = await tenants.gateway.graphql(BRAND_TO_GRAPH, { id: tenant.brand.id }, await tenants.as(role, tenant.organizationId));
        expect(errors).toBeUndefined();
        expect(data.brand.graph).toEqual({
          brandId: tenant.brand.id,
          organizationId: tenant.organizationId,
          name: tenant.brand.name,
          colors: tenants.sharedHexes.map((hex) => ({ hex })),
          assets: [{ assetId: tenant.assetId }],
        });
      }
    });

    it(`gives a ${role} of each organization nothing for the other organization's brand id`, async () => {
      for (const [, tenant, other] of organizations()) {
        const response = await tenants.gateway.graphql(BRAND_TO_GRAPH, { id: other.brand.id }, await tenants.as(role, tenant.organizationId));
        expect(response.data.brand).toBeNull();
        expect(JSON.stringify(response)).not.toContain(other.brand.name);
      }
    });
  }

  it("is null when the graph node carries another organization, whoever asks (the link itself is tenant-filtered)", async () => {
    const { driver, database } = tenants.gateway.deps.graph!;
    const moveNode = (organizationId: string) =>
      driver.executeQuery("MATCH (b:Brand {brand_id: $id}) SET b.organization_id = $organizationId", { id: tenants.own.brand.id, organizationId }, { database });
    await moveNode(tenants.foreign.organizationId);
    try {
      for (const role of ROLES) {
        const { data, errors } = await tenants.gateway.graphql(BRAND_TO_GRAPH, { id: tenants.own.brand.id }, await tenants.as(role));
        expect(errors).toBeUndefined();
        expect(data.brand).toMatchObject({ id: tenants.own.brand.id, graph: null });
      }
    } finally {
      await moveNode(tenants.own.organizationId);
    }
  });

  it("gives the platform operator, who reads no organization's data, FORBIDDEN and no graph node", async () => {
    for (const [, tenant] of organizations()) {
      const response = await tenants.gateway.graphql(BRAND_TO_GRAPH, { id: tenant.brand.id }, await operatorHeaders());
      expect(response.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["FORBIDDEN"]);
      expect(JSON.stringify(response)).not.toContain(tenant.brand.name);
    }
  });
});

// No brandId in the selection: the stitching asks the graph for it on the link's behalf.
const GRAPH_TO_BRAND = `query ($ids: [ID!]!) {
  graphBrands(where: { brandId: { in: $ids } }) { name brand { id name organization { id } } }
}`;

const ROUND_TRIP = `query ($id: ID!) { brand(id: $id) { name graph { name brand { id name organizationId } } } }`;

describe("GraphBrand.brand", () => {
  const bothBrandIds = () => [tenants.own.brand.id, tenants.foreign.brand.id];

  for (const role of ROLES) {
    it(`leads a ${role} of each organization from its graph node back to its own brand, brandId unselected`, async () => {
      for (const [, tenant, other] of organizations()) {
        const response = await tenants.gateway.graphql(GRAPH_TO_BRAND, { ids: bothBrandIds() }, await tenants.as(role, tenant.organizationId));
        expect(response.errors).toBeUndefined();
        expect(response.data.graphBrands).toEqual([
          { name: tenant.brand.name, brand: { id: tenant.brand.id, name: tenant.brand.name, organization: { id: tenant.organizationId } } },
        ]);
        expect(JSON.stringify(response)).not.toContain(other.brand.name);
      }
    });

    it(`walks a ${role} of each organization from its brand to the graph and back to the same brand`, async () => {
      for (const [, tenant] of organizations()) {
        const { data, errors } = await tenants.gateway.graphql(ROUND_TRIP, { id: tenant.brand.id }, await tenants.as(role, tenant.organizationId));
        expect(errors).toBeUndefined();
        expect(data.brand).toEqual({ name: tenant.brand.name, graph: { name: tenant.brand.name, brand: { id: tenant.brand.id, name: tenant.brand.name, organizationId: tenant.organizationId } } });
      }
    });
  }

  it("is null when the graph shows a node of the caller's organization whose brand row is another's: Postgres tenancy decides, as for brand(id)", async () => {
    const { driver, database } = tenants.gateway.deps.graph!;
    const moveNode = (organizationId: string) =>
      driver.executeQuery("MATCH (b:Brand {brand_id: $id}) SET b.organization_id = $organizationId", { id: tenants.foreign.brand.id, organizationId }, { database });
    await moveNode(tenants.own.organizationId);
    try {
      for (const role of ROLES) {
        const { data, errors } = await tenants.gateway.graphql(GRAPH_TO_BRAND, { ids: [tenants.foreign.brand.id] }, await tenants.as(role));
        expect(errors).toBeUndefined();
        expect(data.graphBrands).toEqual([{ name: tenants.foreign.brand.name, brand: null }]);
      }
    } finally {
      await moveNode(tenants.foreign.organizationId);
    }
  });

  it("gives the platform operator, who reads no organization's data, FORBIDDEN and no brand", async () => {
    const response = await tenants.gateway.graphql(GRAPH_TO_BRAND, { ids: bothBrandIds() }, await operatorHeaders());
    expect(response.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["FORBIDDEN"]);
    for (const [, tenant] of organizations()) expect(JSON.stringify(response)).not.toContain(tenant.brand.name);
  });

  it("reads every node's brand in one SQL statement, and their organizations in one more, for 1 node as for 4", async () => {
    // A gateway of its own, sync off, so only this query's statements are counted.
    const statements: string[] = [];
    const counting = await startTestGateway(
      createTestDeps({ config: { graphSyncEnabled: false }, verifyToken: tenancyVerifier(), onQuery: (sql) => statements.push(sql) }),
    );
    try {
      const more = [];
      for (let i = 0; i < 3; i++) more.push((await tenants.fixtures.brand(tenants.own.organizationId, [{ hex: tenants.sharedHexes[0]!, usageWeight: 1 }])).id);
      const headers = await tenancyHeaders("viewer", tenants.own.organizationId);
      const statementsFor = async (ids: string[]) => {
        statements.length = 0;
        const { data, errors } = await counting.graphql(GRAPH_TO_BRAND, { ids }, headers);
        expect(errors).toBeUndefined();
        expect(data.graphBrands.map((node: { brand: { id: string } }) => node.brand.id).sort()).toEqual([...ids].sort());
        return statements.length;
      };
      expect(await statementsFor([tenants.own.brand.id])).toBe(2);
      expect(await statementsFor([tenants.own.brand.id, ...more])).toBe(2);
    } finally {
      await counting.close();
    }
  });
});

// Brand.graph leads from a contract Brand to its generated GraphBrand in one query, for every role
// of either organization, and only ever to the caller's own organization's node: the generated
// half's @authorization filter decides, so a graph node of another organization resolves to null.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/auth/access.ts";
import { operatorHeaders, startTenants, type Tenant, type Tenants } from "../support/tenants.ts";

const BRAND_TO_GRAPH = `query ($id: ID!) {
  brand(id: $id) { id graph { brandId organizationId name colors(sort: [{ hex: ASC }]) { hex } assets { assetId } } }
}`;

describe("Brand.graph", () => {
  let tenants: Tenants;
  beforeAll(async () => {
    tenants = await startTenants();
  });
  afterAll(async () => tenants?.close());

  const organizations = (): Array<[string, Tenant, Tenant]> => [
    ["own", tenants.own, tenants.foreign],
    ["foreign", tenants.foreign, tenants.own],
  ];

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

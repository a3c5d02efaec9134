// The paged and bounded nested lists (Organization.brandsConnection and brands(first), Brand.
// templatesConnection and templates(first), Asset.feedbackConnection and feedback(first)) show
// every role of either organization its own children and nothing of the other organization's:
// the parent is not found, and no argument (a page size, another organization's cursor) reaches
// across. The platform operator gets FORBIDDEN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/auth/access.ts";
import { operatorHeaders, startTenants, type Tenant, type Tenants } from "../support/tenants.ts";

const NESTED = `query ($org: ID!, $brand: ID!, $asset: ID!, $first: Int, $after: String) {
  organization(id: $org) {
    brandsConnection(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
    brands(first: $first) { id }
  }
  brand(id: $brand) {
    templatesConnection(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
    templates(first: $first) { id }
  }
  asset(id: $asset) {
    feedbackConnection(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }
    feedback(first: $first) { id }
  }
}`;
const idsOf = (t: Tenant) => ({ org: t.organizationId, brand: t.brand.id, asset: t.assetId });
const page = (id: string) => ({ edges: [{ node: { id } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });

describe("the nested lists across organizations", () => {
  let tenants: Tenants;
  beforeAll(async () => {
    tenants = await startTenants();
  });
  afterAll(async () => tenants?.close());

  const organizations = (): Array<[Tenant, Tenant]> => [
    [tenants.own, tenants.foreign],
    [tenants.foreign, tenants.own],
  ];

  for (const role of ROLES) {
    it(`shows a ${role} of each organization its own brands, templates and feedback, paged and bounded`, async () => {
      for (const [tenant] of organizations()) {
        const { data, errors } = await tenants.gateway.graphql(NESTED, { ...idsOf(tenant), first: 5 }, await tenants.as(role, tenant.organizationId));
        expect(errors).toBeUndefined();
        expect(data).toEqual({
          organization: { brandsConnection: page(tenant.brand.id), brands: [{ id: tenant.brand.id }] },
          brand: { templatesConnection: page(tenant.templateId), templates: [{ id: tenant.templateId }] },
          asset: { feedbackConnection: page(tenant.feedbackId), feedback: [{ id: tenant.feedbackId }] },
        });
      }
    });

    it(`gives a ${role} of each organization nothing of the other organization's lists`, async () => {
      for (const [tenant, other] of organizations()) {
        const response = await tenants.gateway.graphql(NESTED, { ...idsOf(other), first: 100 }, await tenants.as(role, tenant.organizationId));
        expect(response).toEqual({ data: { organization: null, brand: null, asset: null } });
      }
    });

    it(`pages a ${role} through its own lists only, even after a cursor taken from the other organization`, async () => {
      for (const [tenant, other] of organizations()) {
        const foreignPage = await tenants.gateway.graphql(NESTED, { ...idsOf(other), first: 1 }, await tenants.as(role, other.organizationId));
        const after = foreignPage.data.organization.brandsConnection.pageInfo.endCursor;
        const response = await tenants.gateway.graphql(NESTED, { ...idsOf(tenant), first: 100, after }, await tenants.as(role, tenant.organizationId));
        expect(response.errors).toBeUndefined();
        const seen = JSON.stringify(response.data);
        for (const id of [other.brand.id, other.templateId, other.feedbackId]) expect(seen).not.toContain(id);
        for (const connection of [response.data.organization.brandsConnection, response.data.brand.templatesConnection, response.data.asset.feedbackConnection]) {
          for (const { node } of connection.edges) expect([tenant.brand.id, tenant.templateId, tenant.feedbackId]).toContain(node.id);
        }
      }
    });
  }

  it("gives the platform operator FORBIDDEN for every nested list and no child of either organization", async () => {
    for (const [tenant] of organizations()) {
      const response = await tenants.gateway.graphql(NESTED, { ...idsOf(tenant), first: 5 }, await operatorHeaders());
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(new Set(response.errors!.map((e: { extensions: { code: string } }) => e.extensions.code))).toEqual(new Set(["FORBIDDEN"]));
      const seen = JSON.stringify(response.data ?? null);
      for (const id of [tenant.brand.id, tenant.templateId, tenant.feedbackId]) expect(seen).not.toContain(id);
    }
  });
});

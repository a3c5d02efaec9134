import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/auth/access.ts";
import { runBackfill } from "../../src/backfill/runBackfill.ts";
import { expectRefused, outboxMark, orphanedEventsSince, unique } from "../support/crudFactory.ts";
import { crudSuite } from "../support/crudSuite.ts";
import { tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const WAIT = { "x-graph-sync": "wait" };
const CREATE_BRAND = `mutation($input: CreateBrandInput!) { createBrand(input: $input) { id industry } }`;
const UPDATE_BRAND = `mutation($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id industry } }`;

describe("a brand's industry (NAICS 2022 sectors)", () => {
  const sut = crudSuite();
  const industryInGraph = async (brandId: string) => {
    const { records } = await sut.deps.graph!.driver.executeQuery(
      `MATCH (b:Brand {brand_id: $brandId}) RETURN [(b)-[:IN_INDUSTRY]->(i:Industry) | [i.code, i.name]] AS industries`,
      { brandId },
      { database: sut.deps.graph!.database },
    );
    return records[0]!.get("industries");
  };

  it("lists the 20 sectors, by code", async () => {
    const result = await sut.graphql(`{ industries { code name } }`);
    expect(result.data.industries).toHaveLength(20);
    expect(result.data.industries[4]).toEqual({ code: "31-33", name: "Manufacturing" });
  });

  it("is set on create, changed and cleared on update, and projected as (:Brand)-[:IN_INDUSTRY]->(:Industry)", async () => {
    const org = await sut.make.organization();
    const created = await sut.graphql(CREATE_BRAND, { input: { organizationId: org.id, name: unique("Bank"), industry: " 52 " } }, WAIT);
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createBrand;
    expect(created.data.createBrand.industry).toBe("52");
    expect(await industryInGraph(id)).toEqual([["52", "Finance and Insurance"]]);

    const moved = await sut.graphql(UPDATE_BRAND, { id, input: { industry: "31-33" } }, WAIT);
    expect(moved.data.updateBrand.industry).toBe("31-33");
    expect(await industryInGraph(id)).toEqual([["31-33", "Manufacturing"]]);

    const renamedOnly = await sut.graphql(UPDATE_BRAND, { id, input: { name: unique("Renamed") } }, WAIT);
    expect(renamedOnly.data.updateBrand.industry).toBe("31-33");

    const cleared = await sut.graphql(UPDATE_BRAND, { id, input: { industry: null } }, WAIT);
    expect(cleared.data.updateBrand.industry).toBeNull();
    expect(await industryInGraph(id)).toEqual([]);
  });

  it("refuses a code outside the taxonomy naming the field, and writes nothing", async () => {
    const org = await sut.make.organization();
    const mark = await outboxMark(sut.deps);
    for (const industry of ["31", "Finance", "", "99"]) {
      expectRefused(await sut.graphql(CREATE_BRAND, { input: { organizationId: org.id, name: unique("Bad"), industry } }), "BAD_USER_INPUT", "input.industry");
    }
    const brand = await sut.make.brand(org.id);
    expectRefused(await sut.graphql(UPDATE_BRAND, { id: brand.id, input: { industry: "Retail" } }), "BAD_USER_INPUT", "input.industry");
    expect(await sut.deps.prisma.brand.count({ where: { organizationId: org.id } })).toBe(1);
    expect((await sut.deps.prisma.brand.findUniqueOrThrow({ where: { id: brand.id } })).industry).toBeNull();
    expect(await orphanedEventsSince(sut.deps, mark)).toEqual([]);
  });

  it("is repaired by reconcile when the graph's link drifted", async () => {
    const org = await sut.make.organization();
    const created = await sut.graphql(CREATE_BRAND, { input: { organizationId: org.id, name: unique("Clinic"), industry: "62" } }, WAIT);
    const { id } = created.data.createBrand;
    const { driver, database } = sut.deps.graph!;
    await driver.executeQuery(
      `MATCH (b:Brand {brand_id: $id})-[r:IN_INDUSTRY]->() DELETE r WITH b MERGE (i:Industry {code: '22'}) ON CREATE SET i.name = 'Utilities' MERGE (b)-[:IN_INDUSTRY]->(i)`,
      { id },
      { database },
    );
    expect(await industryInGraph(id)).toEqual([["22", "Utilities"]]);
    await runBackfill({ ...sut.deps, graph: sut.deps.graph! }, { mode: "reconcile", dryRun: false, entities: ["brand"], organizationIds: [org.id], batchSize: 100 });
    expect(await industryInGraph(id)).toEqual([["62", "Health Care and Social Assistance"]]);
  });
});

describe("an organization's plan", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(createTestDeps({ verifyToken: tenancyVerifier() }));
  });
  afterAll(() => gateway.close());

  it("is free unless the platform sets it; an invalid plan names the field", async () => {
    const plain = await gateway.deps.prisma.organization.create({ data: { name: unique("Org") } });
    expect(plain.plan).toBe("free");
    // The tenancy gateway verifies tokens; the platform operator here is the unrestricted store write.
    const sut = await startTestGateway();
    try {
      const made = await sut.graphql(`mutation { createOrganization(input: { name: "${unique("Ent")}", plan: "Enterprise" }) { id plan } }`);
      expect(made.data.createOrganization.plan).toBe("enterprise");
      const bad = await sut.graphql(`mutation($id: ID!) { updateOrganization(id: $id, input: { plan: "gold" }) { id } }`, { id: plain.id });
      expectRefused(bad, "BAD_USER_INPUT", "input.plan");
      const upgraded = await sut.graphql(`mutation($id: ID!) { updateOrganization(id: $id, input: { plan: "team" }) { plan } }`, { id: plain.id });
      expect(upgraded.data.updateOrganization.plan).toBe("team");
    } finally {
      await sut.close();
    }
  });

  it.each(ROLES)("cannot be changed by an organization's own %s, nor set on create", async (role) => {
    const org = await gateway.deps.prisma.organization.create({ data: { name: unique("Org") } });
    const headers = await tenancyHeaders(role, org.id);
    const update = await gateway.graphql(`mutation($id: ID!) { updateOrganization(id: $id, input: { plan: "enterprise" }) { plan } }`, { id: org.id }, headers);
    expect(update.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const create = await gateway.graphql(`mutation { createOrganization(input: { name: "x", plan: "enterprise" }) { id } }`, {}, headers);
    expect(create.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gateway.deps.prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).plan).toBe("free");
    const read = await gateway.graphql(`query($id: ID!) { organization(id: $id) { plan } }`, { id: org.id }, headers);
    expect(read.data.organization.plan).toBe("free");
  });
});

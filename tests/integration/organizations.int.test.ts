import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crudFactory, expectRefused, syncEventsFor, unique } from "../support/crudFactory.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

describe("organizations", () => {
  let gateway: TestGateway;
  let make: ReturnType<typeof crudFactory>;
  beforeAll(async () => {
    gateway = await startTestGateway();
    make = crudFactory(gateway.deps);
  });
  afterAll(() => gateway.close());

  it("creates an organization with a trimmed name, reads it back and records an upsert", async () => {
    const name = unique("Acme");
    const created = await gateway.graphql(`mutation($name: String!) { createOrganization(input: { name: $name }) { id name } }`, {
      name: `  ${name} `,
    });
    const id = created.data.createOrganization.id;
    expect(created.data.createOrganization.name).toBe(name);
    const read = await gateway.graphql(`query($id: ID!) { organization(id: $id) { id name createdAt updatedAt brands { id } } }`, { id });
    expect(read.data.organization).toMatchObject({ id, name, brands: [] });
    expect(await syncEventsFor(gateway.deps, [id])).toEqual([`organization:upsert:${id}`]);
  });

  it("refuses a blank or overlong name, naming input.name", async () => {
    const create = `mutation($name: String!) { createOrganization(input: { name: $name }) { id } }`;
    expectRefused(await gateway.graphql(create, { name: "   " }), "BAD_USER_INPUT", "input.name");
    expectRefused(await gateway.graphql(create, { name: "x".repeat(201) }), "BAD_USER_INPUT", "input.name");
  });

  it("renames an organization", async () => {
    const org = await make.organization();
    const name = unique("Renamed");
    const result = await gateway.graphql(`mutation($id: ID!, $name: String) { updateOrganization(id: $id, input: { name: $name }) { name } }`, {
      id: org.id,
      name,
    });
    expect(result.data.updateOrganization.name).toBe(name);
    expect(await syncEventsFor(gateway.deps, [org.id])).toEqual([`organization:upsert:${org.id}`, `organization:upsert:${org.id}`]);
  });

  it("answers NOT_FOUND for an unknown id on update and delete, and null on read", async () => {
    const id = "019abcde-0000-7000-8000-00000000dead";
    expectRefused(await gateway.graphql(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "x" }) { id } }`, { id }), "NOT_FOUND", "id");
    expectRefused(await gateway.graphql(`mutation($id: ID!) { deleteOrganization(id: $id) }`, { id }), "NOT_FOUND", "id");
    expect(await gateway.graphql(`query($id: ID!) { organization(id: $id) { id } }`, { id })).toEqual({ data: { organization: null } });
  });

  it("lists its brands oldest first", async () => {
    const org = await make.organization();
    const first = await make.brand(org.id);
    const second = await make.brand(org.id);
    const result = await gateway.graphql(`query($id: ID!) { organization(id: $id) { brands { id } } }`, { id: org.id });
    expect(result.data.organization.brands).toEqual([{ id: first.id }, { id: second.id }]);
  });

  it("deletes an organization with everything below it and records a delete for each entity", async () => {
    const org = await make.organization();
    const brand = await make.brand(org.id, { colors: [{ hex: "#112233", name: null, usage: null, usageWeight: 0.5, context: null }] });
    const asset = await make.asset(brand.id);
    const feedback = await make.feedback(asset.id);
    const template = await make.template(brand.id, { sourceAssetId: asset.id });
    const eventsBefore = await gateway.deps.prisma.syncEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

    const result = await gateway.graphql(`mutation($id: ID!) { deleteOrganization(id: $id) }`, { id: org.id });

    expect(result).toEqual({ data: { deleteOrganization: true } });
    const { prisma } = gateway.deps;
    expect(await prisma.brand.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await prisma.brandColor.count({ where: { brandId: brand.id } })).toBe(0);
    expect(await prisma.asset.count({ where: { id: asset.id } })).toBe(0);
    expect(await prisma.feedback.count({ where: { id: feedback.id } })).toBe(0);
    expect(await prisma.template.count({ where: { id: template.id } })).toBe(0);
    const deletes = await prisma.syncEvent.findMany({
      where: { id: { gt: eventsBefore.id }, entityId: { in: [org.id, brand.id, asset.id, feedback.id, template.id] } },
    });
    expect(deletes.map((e) => `${e.entityType}:${e.operation}`).sort()).toEqual([
      "asset:delete",
      "brand:delete",
      "feedback:delete",
      "organization:delete",
      "template:delete",
    ]);
  });

  it("pages through all organizations, oldest first, meeting each new one once", async () => {
    const mine = [await make.organization(), await make.organization(), await make.organization()].map((o) => o.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await gateway.graphql(
        `query($after: String) { organizations(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...result.data.organizations.edges.map((e: any) => e.node.id));
      if (!result.data.organizations.pageInfo.hasNextPage) break;
      after = result.data.organizations.pageInfo.endCursor;
    }
    expect(seen.filter((id) => mine.includes(id))).toEqual(mine);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

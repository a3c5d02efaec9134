import { describe, expect, it } from "vitest";
import { expectRefused, syncEventsFor, unique, UNKNOWN_ID } from "../support/crudFactory.ts";
import { crudSuite } from "../support/crudSuite.ts";

describe("organizations", () => {
  const sut = crudSuite();

  it("creates an organization with a trimmed name, reads it back and records an upsert", async () => {
    const name = unique("Acme");
    const created = await sut.graphql(`mutation($name: String!) { createOrganization(input: { name: $name }) { id name } }`, {
      name: `  ${name} `,
    });
    const id = created.data.createOrganization.id;
    expect(created.data.createOrganization.name).toBe(name);
    const read = await sut.graphql(`query($id: ID!) { organization(id: $id) { id name createdAt updatedAt brands { id } } }`, { id });
    expect(read.data.organization).toMatchObject({ id, name, brands: [] });
    expect(await syncEventsFor(sut.deps, [id])).toEqual([`organization:upsert:${id}`]);
  });

  it("refuses a blank or overlong name, naming input.name", async () => {
    const create = `mutation($name: String!) { createOrganization(input: { name: $name }) { id } }`;
    expectRefused(await sut.graphql(create, { name: "   " }), "BAD_USER_INPUT", "input.name");
    expectRefused(await sut.graphql(create, { name: "x".repeat(201) }), "BAD_USER_INPUT", "input.name");
  });

  it("renames an organization", async () => {
    const org = await sut.make.organization();
    const name = unique("Renamed");
    const result = await sut.graphql(`mutation($id: ID!, $name: String) { updateOrganization(id: $id, input: { name: $name }) { name } }`, {
      id: org.id,
      name,
    });
    expect(result.data.updateOrganization.name).toBe(name);
    expect(await syncEventsFor(sut.deps, [org.id])).toEqual([`organization:upsert:${org.id}`, `organization:upsert:${org.id}`]);
  });

  it("answers NOT_FOUND for an unknown id on update and delete, and null on read", async () => {
    const id = UNKNOWN_ID;
    expectRefused(await sut.graphql(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "x" }) { id } }`, { id }), "NOT_FOUND", "id");
    expectRefused(await sut.graphql(`mutation($id: ID!) { deleteOrganization(id: $id) }`, { id }), "NOT_FOUND", "id");
    expect(await sut.graphql(`query($id: ID!) { organization(id: $id) { id } }`, { id })).toEqual({ data: { organization: null } });
  });

  it("lists its brands oldest first", async () => {
    const org = await sut.make.organization();
    const first = await sut.make.brand(org.id);
    const second = await sut.make.brand(org.id);
    const result = await sut.graphql(`query($id: ID!) { organization(id: $id) { brands { id } } }`, { id: org.id });
    expect(result.data.organization.brands).toEqual([{ id: first.id }, { id: second.id }]);
  });

  it("deletes an organization with everything below it and records a delete for each entity", async () => {
    const org = await sut.make.organization();
    const brand = await sut.make.brand(org.id, { colors: [{ hex: "#112233", name: null, usage: null, usageWeight: 0.5, context: null }] });
    const asset = await sut.make.asset(brand.id);
    const feedback = await sut.make.feedback(asset.id);
    const template = await sut.make.template(brand.id, { sourceAssetId: asset.id });
    const eventsBefore = await sut.deps.prisma.syncEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

    const result = await sut.graphql(`mutation($id: ID!) { deleteOrganization(id: $id) }`, { id: org.id });

    expect(result).toEqual({ data: { deleteOrganization: true } });
    const { prisma } = sut.deps;
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
    const mine = [await sut.make.organization(), await sut.make.organization(), await sut.make.organization()].map((o) => o.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await sut.graphql(
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

import { describe, expect, it } from "vitest";
import { expectRefused, orphanedEventsSince, outboxMark, syncEventsFor, unique, UNKNOWN_ID } from "../support/crudFactory.ts";
import { brandStore } from "../../src/stores/brandStore.ts";
import { crudSuite } from "../support/crudSuite.ts";

const CREATE_BRAND = `mutation($input: CreateBrandInput!) {
  createBrand(input: $input) { id organizationId name learningActive feedbackCount createdAt updatedAt colors { hex name usage usageWeight context } }
}`;
const UPDATE_BRAND = `mutation($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id name learningActive colors { hex usageWeight } } }`;

describe("brands", () => {
  const sut = crudSuite();

  it("creates a brand whose palette is stored as #RRGGBB upper case, heaviest first", async () => {
    const org = await sut.make.organization();
    const result = await sut.graphql(CREATE_BRAND, {
      input: {
        organizationId: org.id,
        name: " Nordlicht ",
        learningActive: true,
        colors: [
          { hex: "fff", name: "White", usage: "background", usageWeight: 0.2 },
          { hex: "#0057b8", name: "Blue", usage: "primary", usageWeight: 0.7, context: "logos" },
          { hex: "AbC" },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.createBrand).toMatchObject({
      organizationId: org.id,
      name: "Nordlicht",
      learningActive: true,
      feedbackCount: 0,
      colors: [
        { hex: "#0057B8", name: "Blue", usage: "primary", usageWeight: 0.7, context: "logos" },
        { hex: "#FFFFFF", name: "White", usage: "background", usageWeight: 0.2, context: null },
        { hex: "#AABBCC", name: null, usage: null, usageWeight: null, context: null },
      ],
    });
    const { id } = result.data.createBrand;
    expect(await syncEventsFor(sut.deps, [id])).toEqual([`brand:upsert:${id}`]);
  });

  it("reads a brand by id with its templates, and null for an unknown id", async () => {
    const org = await sut.make.organization();
    const brand = await sut.make.brand(org.id);
    const template = await sut.make.template(brand.id);
    const read = await sut.graphql(`query($id: ID!) { brand(id: $id) { id name templates { id name } } }`, { id: brand.id });
    expect(read.data.brand).toEqual({ id: brand.id, name: brand.name, templates: [{ id: template.id, name: template.name }] });
    const unknown = await sut.graphql(`{ brand(id: "${UNKNOWN_ID}") { id } }`);
    expect(unknown).toEqual({ data: { brand: null } });
  });

  it("creates no brand, no colors and no outbox rows when the third color is invalid", async () => {
    const org = await sut.make.organization();
    const mark = await outboxMark(sut.deps);
    const result = await sut.graphql(CREATE_BRAND, {
      input: { organizationId: org.id, name: unique("Broken"), colors: [{ hex: "#111111" }, { hex: "#222" }, { hex: "#12345G" }] },
    });
    expectRefused(result, "BAD_USER_INPUT", "input.colors[2].hex");
    expect(await sut.deps.prisma.brand.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await sut.deps.prisma.brandColor.count({ where: { brand: { organizationId: org.id } } })).toBe(0);
    expect(await orphanedEventsSince(sut.deps, mark)).toEqual([]);
  });

  it.each([
    [{ colors: [{ hex: "#FFF" }, { hex: "ffffff" }] }, "input.colors[1].hex"],
    [{ colors: [{ hex: "#FFF", usageWeight: 1.5 }] }, "input.colors[0].usageWeight"],
    [{ colors: [{ hex: "#FFF", usageWeight: -0.1 }] }, "input.colors[0].usageWeight"],
    [{ name: "" }, "input.name"],
    [{ name: "x".repeat(201) }, "input.name"],
  ])("refuses %j, naming %s", async (overrides, field) => {
    const org = await sut.make.organization();
    const result = await sut.graphql(CREATE_BRAND, { input: { organizationId: org.id, name: "Fine", ...overrides } });
    expectRefused(result, "BAD_USER_INPUT", field);
    expect(await sut.deps.prisma.brand.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("answers NOT_FOUND naming input.organizationId for an unknown organization", async () => {
    const result = await sut.graphql(CREATE_BRAND, { input: { organizationId: UNKNOWN_ID, name: "Orphan" } });
    expectRefused(result, "NOT_FOUND", "input.organizationId");
  });

  it("replaces the whole palette when colors are given, keeps it when they are not, and empties it with []", async () => {
    const org = await sut.make.organization();
    const brand = await sut.make.brand(org.id, {
      colors: [
        { hex: "#111111", name: null, usage: null, usageWeight: 0.5, context: null },
        { hex: "#222222", name: null, usage: null, usageWeight: 0.4, context: null },
      ],
    });
    const renamed = await sut.graphql(UPDATE_BRAND, { id: brand.id, input: { name: "Renamed", learningActive: true } });
    expect(renamed.data.updateBrand).toEqual({
      id: brand.id,
      name: "Renamed",
      learningActive: true,
      colors: [
        { hex: "#111111", usageWeight: 0.5 },
        { hex: "#222222", usageWeight: 0.4 },
      ],
    });
    const repainted = await sut.graphql(UPDATE_BRAND, { id: brand.id, input: { colors: [{ hex: "333", usageWeight: 0.1 }, { hex: "#222", usageWeight: 0.9 }] } });
    expect(repainted.data.updateBrand.colors).toEqual([
      { hex: "#222222", usageWeight: 0.9 },
      { hex: "#333333", usageWeight: 0.1 },
    ]);
    const emptied = await sut.graphql(UPDATE_BRAND, { id: brand.id, input: { colors: [] } });
    expect(emptied.data.updateBrand.colors).toEqual([]);
    expect(await syncEventsFor(sut.deps, [brand.id])).toEqual(Array(4).fill(`brand:upsert:${brand.id}`));
  });

  it("keeps the old palette when the new one is refused", async () => {
    const org = await sut.make.organization();
    const brand = await sut.make.brand(org.id, { colors: [{ hex: "#111111", name: null, usage: null, usageWeight: 0.5, context: null }] });
    const result = await sut.graphql(UPDATE_BRAND, { id: brand.id, input: { name: "Changed", colors: [{ hex: "#222" }, { hex: "#222222" }] } });
    expectRefused(result, "BAD_USER_INPUT", "input.colors[1].hex");
    const stored = await sut.deps.prisma.brand.findUniqueOrThrow({ where: { id: brand.id }, include: { colors: true } });
    expect(stored.name).toBe(brand.name);
    expect(stored.colors.map((c) => c.hex)).toEqual(["#111111"]);
  });

  it("refuses null for a required field on update and answers NOT_FOUND for an unknown brand", async () => {
    const org = await sut.make.organization();
    const brand = await sut.make.brand(org.id);
    expectRefused(await sut.graphql(UPDATE_BRAND, { id: brand.id, input: { name: null } }), "BAD_USER_INPUT", "input.name");
    expectRefused(await sut.graphql(UPDATE_BRAND, { id: UNKNOWN_ID, input: { name: "x" } }), "NOT_FOUND", "id");
    expectRefused(await sut.graphql(`mutation { deleteBrand(id: "${UNKNOWN_ID}") }`), "NOT_FOUND", "id");
  });

  it("deletes a brand with its colors, assets, feedback and templates, recording a delete for each", async () => {
    const org = await sut.make.organization();
    const brand = await sut.make.brand(org.id, { colors: [{ hex: "#ABCDEF", name: null, usage: null, usageWeight: null, context: null }] });
    const asset = await sut.make.asset(brand.id, { colors: [{ hex: "#ABCDEF", coverage: 0.5 }] });
    const feedback = await sut.make.feedback(asset.id, "reject");
    const template = await sut.make.template(brand.id);
    const sibling = await sut.make.brand(org.id);

    expect(await sut.graphql(`mutation($id: ID!) { deleteBrand(id: $id) }`, { id: brand.id })).toEqual({ data: { deleteBrand: true } });

    const { prisma } = sut.deps;
    expect(await prisma.brand.findMany({ where: { organizationId: org.id }, select: { id: true } })).toEqual([{ id: sibling.id }]);
    expect(await prisma.assetColor.count({ where: { assetId: asset.id } })).toBe(0);
    expect(await prisma.feedback.count({ where: { id: feedback.id } })).toBe(0);
    expect(await prisma.template.count({ where: { id: template.id } })).toBe(0);
    const events = await syncEventsFor(sut.deps, [brand.id, asset.id, feedback.id, template.id]);
    expect(events.filter((e) => e.includes(":delete:")).sort()).toEqual(
      [`asset:delete:${asset.id}`, `brand:delete:${brand.id}`, `feedback:delete:${feedback.id}`, `template:delete:${template.id}`].sort(),
    );
  });

  it("looks brands up by id in plain SQL exactly as Prisma does, in and out of scope", async () => {
    const [org, other] = [await sut.make.organization(), await sut.make.organization()];
    const mine = await sut.make.brand(org.id, { learningActive: true });
    const theirs = await sut.make.brand(other.id);
    const ids = [mine.id, theirs.id, UNKNOWN_ID];
    const { prisma, sql } = sut.deps;
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

    const everywhere = await brandStore.rowsByIds(sql, ids);
    expect(byId(everywhere)).toEqual(byId(await brandStore.findByIds(prisma, ids)));
    expect(everywhere).toHaveLength(2);
    expect(everywhere.find((b) => b.id === mine.id)?.createdAt).toBeInstanceOf(Date);
    expect(await brandStore.rowsByIds(sql, ids, org.id)).toEqual(await brandStore.findByIds(prisma, ids, org.id));
    expect((await brandStore.rowsByIds(sql, ids, org.id)).map((b) => b.id)).toEqual([mine.id]);
  });
});

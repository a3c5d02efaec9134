import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFixtures, type GraphFixtures } from "../support/graphFixtures.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

const OWNERS = `query ($hex: String!) { color(hex: $hex) { hex name brands { brand { id name } usage usageWeight } } }`;
const PAIRINGS = `query ($hex: String!, $min: Int, $limit: Int) {
  color(hex: $hex) { hex pairings(minSamples: $min, limit: $limit) { color { hex name } pairingCount avgComplianceScore } } }`;

describe("Query.color", () => {
  let gateway: TestGateway;
  let fixtures: GraphFixtures;
  let owned: string;
  let owners: Array<{ id: string; weight: number | null }>;
  let paired: { base: string; q: string; r: string; s: string; lone: string };

  beforeAll(async () => {
    gateway = await startTestGateway();
    fixtures = graphFixtures(gateway.deps);
    const organization = await fixtures.organization();
    [owned] = fixtures.hexes(1) as [string];
    owners = [];
    for (const weight of [0.2, 0.6, null, 0.6]) {
      const palette = [{ hex: owned, name: "Fixture Teal", usage: weight === null ? null : "accent", ...(weight === null ? {} : { usageWeight: weight }) }];
      const brand = await fixtures.brand(organization, palette as never);
      owners.push({ id: brand.id, weight });
    }

    const [base, q, r, s, lone] = fixtures.hexes(5).sort() as [string, string, string, string, string];
    paired = { base, q, r, s, lone };
    const painter = await fixtures.brand(organization, []);
    const asset = (colors: string[], complianceScore: number, feedback: Array<"approve" | "reject">) =>
      fixtures.asset(painter.id, { colors, complianceScore, feedback });
    await Promise.all([
      asset([base, q], 0.9, ["approve"]),
      asset([base, q], 0.8, ["approve"]),
      asset([base, q, lone], 0.7, ["approve", "reject"]), // counted once, though it has two feedbacks
      asset([base, s], 0.5, ["approve"]),
      asset([base, s], 0.6, ["approve"]),
      asset([base, s], 0.7, ["approve"]),
      asset([base, r], 1, ["approve"]),
      asset([base, r], 0.5, ["approve"]),
      asset([base, r], 0.1, ["reject"]), // rejected: not a sample
      asset([base, r], 0.1, []), // no feedback: not a sample
      asset([base, r], 0.1, []),
    ]);
  });
  afterAll(async () => {
    await fixtures.cleanup();
    await gateway.close();
  });

  it.each([
    ["upper case with '#'", (h: string) => h],
    ["lower case without '#'", (h: string) => h.slice(1).toLowerCase()],
  ])("finds the color written in %s and answers it as #RRGGBB", async (_label, spell) => {
    const result = await gateway.graphql(OWNERS, { hex: spell(owned) });
    expect(result.errors).toBeUndefined();
    expect(result.data.color).toMatchObject({ hex: owned, name: "Fixture Teal" });
  });

  it("expands #RGB to #RRGGBB", async () => {
    // A fresh color's digits: doubling `owned`'s own gives `owned` itself one time in 4,096, and
    // another test counts the brands using `owned`.
    const [fresh] = fixtures.hexes(1) as [string];
    const short = `#${fresh[1]}${fresh[3]}${fresh[5]}`;
    const long = `#${fresh[1]}${fresh[1]}${fresh[3]}${fresh[3]}${fresh[5]}${fresh[5]}`;
    await fixtures.brand(await fixtures.organization(), [{ hex: long }]);
    const result = await gateway.graphql(OWNERS, { hex: short.toLowerCase() });
    expect(result.data.color.hex).toBe(long);
  });

  it("is null when the graph has no such color", async () => {
    const [unknown] = fixtures.hexes(1);
    expect(await gateway.graphql(OWNERS, { hex: unknown })).toEqual({ data: { color: null } });
    expect(await gateway.graphql(PAIRINGS, { hex: unknown, min: 1 })).toEqual({ data: { color: null } });
  });

  it("refuses a malformed hex with BAD_USER_INPUT naming it", async () => {
    const result = await gateway.graphql(OWNERS, { hex: "#12345" });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "hex" });
  });

  it("lists the brands using a color by usage weight, equal weights by id, unweighted last", async () => {
    const result = await gateway.graphql(OWNERS, { hex: owned });
    const [first, second] = owners.filter((o) => o.weight === 0.6).map((o) => o.id).sort();
    expect(result.data.color.brands.map((o: any) => [o.brand.id, o.usageWeight])).toEqual([
      [first, 0.6],
      [second, 0.6],
      [owners[0]!.id, 0.2],
      [owners[2]!.id, null],
    ]);
    expect(result.data.color.brands[0].brand.name).toMatch(/^Brand /);
  });

  it("leaves out a brand the graph still has but Postgres has deleted (the sync not yet caught up)", async () => {
    const [hex] = fixtures.hexes(1) as [string];
    const organization = await fixtures.organization();
    const kept = await fixtures.brand(organization, [{ hex, usageWeight: 0.1 }]);
    const deleted = await fixtures.brand(organization, [{ hex, usageWeight: 0.9 }]);
    await gateway.deps.prisma.brand.delete({ where: { id: deleted.id } });
    const result = await gateway.graphql(OWNERS, { hex });
    expect(result.errors).toBeUndefined();
    expect(result.data.color.brands.map((o: any) => o.brand.id)).toEqual([kept.id]);
  });

  it("pairs colors co-used in approved assets only, counted at least minSamples times, by count then hex", async () => {
    const result = await gateway.graphql(PAIRINGS, { hex: paired.base, min: 2 });
    expect(result.errors).toBeUndefined();
    const rows = result.data.color.pairings.map((p: any) => [p.color.hex, p.pairingCount]);
    expect(rows).toEqual([
      [paired.q, 3],
      [paired.s, 3],
      [paired.r, 2],
    ]);
  });

  it("averages the compliance score of the approved assets behind each pairing", async () => {
    const result = await gateway.graphql(PAIRINGS, { hex: paired.base, min: 2 });
    const score = Object.fromEntries(result.data.color.pairings.map((p: any) => [p.color.hex, p.avgComplianceScore]));
    expect(score[paired.q]).toBeCloseTo(0.8, 10);
    expect(score[paired.s]).toBeCloseTo(0.6, 10);
    expect(score[paired.r]).toBeCloseTo(0.75, 10);
  });

  it("applies minSamples (default 5) and limit", async () => {
    const at = async (min?: number, limit?: number) =>
      (await gateway.graphql(PAIRINGS, { hex: paired.base, min, limit })).data.color.pairings.map((p: any) => p.color.hex);
    expect(await at(3)).toEqual([paired.q, paired.s]);
    expect(await at(1, 2)).toEqual([paired.q, paired.s]);
    expect(await at(1)).toEqual([paired.q, paired.s, paired.r, paired.lone]);
    expect(await at()).toEqual([]);
  });

  it.each([
    ["minSamples", { min: 0 }],
    ["limit", { limit: 51 }],
  ])("refuses a bad %s with BAD_USER_INPUT naming it, keeping the color", async (field, args) => {
    const result = await gateway.graphql(PAIRINGS, { hex: paired.base, ...args });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    expect(result.data.color).toEqual({ hex: paired.base, pairings: null });
  });
});

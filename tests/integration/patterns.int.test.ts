// Learned industry patterns against an oracle recomputed from the Postgres rows in the test, on a
// generated world with planted patterns (patternWorld.ts); the k-anonymity rule under a property
// test that narrows every filter to isolate one organization; the plan gate; two organizations
// with every role. One file: the graph's patterns are one set, so two files refreshing them from
// two databases would overwrite each other.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/auth/access.ts";
import { seededRandom } from "../../src/domain/seededRandom.ts";
import { byRank, buildPatternWorld, K, MONTHS, oraclePatterns, shown, type OraclePattern, type PatternWorld } from "../support/patternWorld.ts";

const PATTERN = `colors size approvedAssets brands organizations approvalRate avgComplianceScore`;
const INDUSTRY = `query($code: String!, $limit: Int, $size: Int) { industry(code: $code) {
  industry { code name } topColors(limit: $limit) { ${PATTERN} } topPatterns(size: $size, limit: $limit) { ${PATTERN} } } }`;
const TRENDS = `query($code: String!, $from: String!, $to: String!, $size: Int, $limit: Int) { industry(code: $code) {
  trends(from: $from, to: $to, size: $size, limit: $limit) { pattern { ${PATTERN} } points { month approvedAssets organizations } approvedAssets } } }`;
const BRAND = `query($id: ID!, $limit: Int) { brand(id: $id) { industryPatterns(limit: $limit) {
  industry { code } matched { ${PATTERN} } nearest { pattern { ${PATTERN} } missingColors distance } } } }`;

describe("learned industry patterns", () => {
  let world: PatternWorld;
  let oracle: OraclePattern[];
  let enterprise: string;
  const kept = (industry: string, sizes: number[]) =>
    oracle.filter((p) => p.industry === industry && sizes.includes(p.colors.length) && p.organizations >= K).sort(byRank);
  const ask = (query: string, variables: Record<string, unknown>, organizationId = enterprise) => world.graphql("viewer", organizationId, query, variables);

  beforeAll(async () => {
    world = await buildPatternWorld();
    expect(await world.gateway.deps.patterns!.refresh()).toBe("refreshed");
    oracle = await oraclePatterns(world);
    enterprise = world.organizations.find((o) => o.name === "A")!.id;
  }, 300_000);
  afterAll(() => world?.close());

  it("shows an industry's colors and pairs and triads exactly as the oracle computes them, k organizations or more", async () => {
    for (const industry of ["52", "62"]) {
      const result = await ask(INDUSTRY, { code: industry, limit: 50 });
      expect(result.errors).toBeUndefined();
      expect(result.data.industry.topColors.map(shown)).toEqual(kept(industry, [1]).map(shown));
      expect(result.data.industry.topPatterns.map(shown)).toEqual(kept(industry, [2, 3]).map(shown));
      expect(result.data.industry.topPatterns.every((p: any) => p.size === p.colors.length)).toBe(true);
    }
    const pairs = await ask(INDUSTRY, { code: "52", limit: 2, size: 2 });
    expect(pairs.data.industry.topPatterns.map(shown)).toEqual(kept("52", [2]).slice(0, 2).map(shown));
  });

  it("finds the planted triad, and never the pair of k − 1 organizations nor the one organization's pair", async () => {
    const { T, R, Q } = world.planted;
    const result = await ask(INDUSTRY, { code: "52", limit: 50 });
    const shownSets = result.data.industry.topPatterns.map((p: any) => p.colors.join(","));
    expect(shownSets).toContain(T.join(","));
    expect(shownSets).not.toContain(R.join(","));
    expect(shownSets).not.toContain(Q.join(","));
    expect(JSON.stringify(result.data)).not.toMatch(new RegExp(`${Q[0]}|${Q[1]}`));
    const triad = result.data.industry.topPatterns.find((p: any) => p.colors.join(",") === T.join(","));
    expect(triad.organizations).toBeGreaterThanOrEqual(4);
  });

  it("links each pattern to its industry and its colors in the graph", async () => {
    const { driver, database } = world.gateway.deps.graph!;
    const { records } = await driver.executeQuery(
      `MATCH (p:Pattern {pattern_id: $id})-[:IN_INDUSTRY]->(i:Industry) RETURN i.code AS code, [(p)-[:HAS_COLOR]->(c) | c.hex] AS hexes`,
      { id: `52|${world.planted.T.join(",")}` },
      { database },
    );
    expect(records[0]!.get("code")).toBe("52");
    expect([...records[0]!.get("hexes")].sort()).toEqual(world.planted.T);
  });

  it("answers trends per month as the oracle does, only months of k organizations, within the window", async () => {
    const result = await ask(TRENDS, { code: "52", from: "2026-02", to: "2026-05", limit: 50 });
    expect(result.errors).toBeUndefined();
    const expected = kept("52", [1, 2, 3])
      .map((p) => {
        const points = [...p.months]
          .filter(([month, m]) => month >= "2026-02" && month <= "2026-05" && m.organizations >= K)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([month, m]) => ({ month, approvedAssets: m.approvedAssets, organizations: m.organizations }));
        return { colors: p.colors, points, approvedAssets: points.reduce((s, x) => s + x.approvedAssets, 0) };
      })
      .filter((t) => t.points.length > 0)
      .sort(byRank);
    expect(result.data.industry.trends.map((t: any) => ({ colors: t.pattern.colors, points: t.points, approvedAssets: t.approvedAssets }))).toEqual(expected);
  });

  it("tells a brand which industry patterns its palette holds and which it is nearest to", async () => {
    const a = world.organizations.find((o) => o.name === "A")!;
    const brandId = a.brandIds[0]!;
    const palette = (await world.gateway.deps.prisma.brandColor.findMany({ where: { brandId } })).map((c) => c.hex);
    const result = await ask(BRAND, { id: brandId, limit: 50 });
    expect(result.errors).toBeUndefined();
    const answer = result.data.brand.industryPatterns;
    expect(answer.industry).toEqual({ code: "52" });
    const all = kept("52", [2, 3]);
    expect(answer.matched.map(shown)).toEqual(all.filter((p) => p.colors.every((h) => palette.includes(h))).map(shown));
    const unused = all.filter((p) => !p.colors.every((h) => palette.includes(h)));
    expect(answer.nearest.map((n: any) => n.pattern.colors.join(",")).sort()).toEqual(unused.map((p) => p.colors.join(",")).sort());
    for (const n of answer.nearest) expect(n.missingColors).toEqual(n.pattern.colors.filter((h: string) => !palette.includes(h)));
    const distances = answer.nearest.map((n: any) => n.distance);
    expect(distances).toEqual([...distances].sort((x, y) => x - y));
  });

  it("refuses bad arguments naming them", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [INDUSTRY, { code: "99" }, "code"],
      [INDUSTRY, { code: "52", limit: 0 }, "limit"],
      [INDUSTRY, { code: "52", limit: 51 }, "limit"],
      [INDUSTRY, { code: "52", size: 1 }, "size"],
      [TRENDS, { code: "52", from: "2026-13", to: "2026-05" }, "from"],
      [TRENDS, { code: "52", from: "2026-05", to: "2026-01" }, "to"],
      [TRENDS, { code: "52", from: "2020-01", to: "2026-01" }, "to"],
      [TRENDS, { code: "52", from: "2026-01", to: "2026-02", size: 4 }, "size"],
    ];
    for (const [query, variables, field] of cases) {
      const result = await ask(query, variables);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toEqual({ code: "BAD_USER_INPUT", field });
    }
  });

  it("follows approvals and deletes on the next refresh, and reports its staleness meanwhile", async () => {
    const status = `{ patternStatus { computedAt stalenessSeconds minOrganizations refreshIntervalSeconds } }`;
    expect(await world.gateway.deps.patterns!.refresh()).toBe("upToDate");
    expect((await ask(status, {})).data.patternStatus).toMatchObject({ stalenessSeconds: 0, minOrganizations: K, refreshIntervalSeconds: 60 });
    // A fifth organization approving R lifts it over k: C (R had A and B).
    const c = world.organizations.find((o) => o.name === "C")!;
    const { id: assetId } = await world.writes.createAsset({ brandId: c.brandIds[0]!, prompt: "r", complianceScore: 0.5, colors: world.planted.R.map((hex) => ({ hex })) });
    await world.writes.recordFeedback({ assetId, action: "approve" });
    const stale = (await ask(status, {})).data.patternStatus;
    expect(stale.stalenessSeconds).toBeGreaterThan(0);
    const before = await ask(INDUSTRY, { code: "52", limit: 50, size: 2 });
    expect(before.data.industry.topPatterns.map((p: any) => p.colors.join(","))).not.toContain(world.planted.R.join(","));
    expect(await world.gateway.deps.patterns!.refresh()).toBe("refreshed");
    oracle = await oraclePatterns(world);
    const after = await ask(INDUSTRY, { code: "52", limit: 50, size: 2 });
    expect(after.data.industry.topPatterns.map((p: any) => p.colors.join(","))).toContain(world.planted.R.join(","));
    expect(after.data.industry.topPatterns.map(shown)).toEqual(kept("52", [2]).map(shown));
    expect((await ask(status, {})).data.patternStatus.stalenessSeconds).toBe(0);
    // Deleting it drops R below k again.
    await world.writes.deleteAsset(assetId);
    await world.gateway.deps.patterns!.refresh();
    oracle = await oraclePatterns(world);
    const dropped = await ask(INDUSTRY, { code: "52", limit: 50, size: 2 });
    expect(dropped.data.industry.topPatterns.map((p: any) => p.colors.join(","))).not.toContain(world.planted.R.join(","));
    expect(dropped.data.industry.topPatterns.map(shown)).toEqual(kept("52", [2]).map(shown));
  });

  it("never isolates one organization, whatever the filters (property)", async () => {
    const industries = ["52", "62"];
    const brandIds = world.organizations.filter((o) => o.plan === "enterprise").flatMap((o) => o.brandIds);
    const asker = (brandId: string) => world.organizations.find((o) => o.brandIds.includes(brandId))!.id;
    const months = fc.constantFrom(...MONTHS);
    const oracleOf = (industry: string, colors: string[]) => oracle.find((p) => p.industry === industry && p.colors.join(",") === colors.join(","))!;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant("industry" as const), code: fc.constantFrom(...industries), limit: fc.integer({ min: 1, max: 50 }), size: fc.option(fc.constantFrom(2, 3), { nil: undefined }) }),
          fc.record({ kind: fc.constant("trends" as const), code: fc.constantFrom(...industries), from: months, to: months, size: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }), limit: fc.integer({ min: 1, max: 50 }) }),
          fc.record({ kind: fc.constant("brand" as const), id: fc.constantFrom(...brandIds), limit: fc.integer({ min: 1, max: 50 }) }),
        ),
        async (args) => {
          const { kind, ...variables } = args;
          const query = kind === "industry" ? INDUSTRY : kind === "trends" ? TRENDS : BRAND;
          const result = await ask(query, variables, kind === "brand" ? asker(args.id as string) : enterprise);
          if (kind === "trends" && (variables as any).from > (variables as any).to) {
            expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
            return;
          }
          expect(result.errors).toBeUndefined();
          const code: string = kind === "brand" ? world.organizations.find((o) => o.brandIds.includes(args.id as string))!.industry : (variables as any).code;
          const patterns: any[] =
            kind === "industry"
              ? [...result.data.industry.topColors, ...result.data.industry.topPatterns]
              : kind === "trends"
                ? result.data.industry.trends.map((t: any) => t.pattern)
                : [...result.data.brand.industryPatterns.matched, ...result.data.brand.industryPatterns.nearest.map((n: any) => n.pattern)];
          for (const p of patterns) {
            const truth = oracleOf(code, p.colors);
            expect(truth.organizations).toBeGreaterThanOrEqual(K);
            expect(p.organizations).toBe(truth.organizations);
          }
          if (kind === "trends") {
            for (const t of result.data.industry.trends) {
              const truth = oracleOf(code, t.pattern.colors);
              for (const point of t.points) expect(truth.months.get(point.month)!.organizations).toBeGreaterThanOrEqual(K);
            }
          }
          const text = JSON.stringify(result.data);
          for (const hex of world.planted.Q) expect(text).not.toContain(hex);
          for (const id of world.ids) expect(text).not.toContain(id);
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
  });

  describe("the plan gate", () => {
    const gated: [string, string, (w: PatternWorld, org: { brandIds: string[] }) => Record<string, unknown>][] = [
      ["industry", INDUSTRY, () => ({ code: "52" })],
      ["patternStatus", `{ patternStatus { stalenessSeconds } }`, () => ({})],
      ["Brand.industryPatterns", BRAND, (_, org) => ({ id: org.brandIds[0] })],
    ];

    it.each(ROLES)("answers PLAN_REQUIRED to every %s of a free or team organization, in GraphQL and REST", async (role) => {
      for (const name of ["C", "D"]) {
        const org = world.organizations.find((o) => o.name === name)!;
        for (const [field, query, variables] of gated) {
          const result = await world.graphql(role, org.id, query, variables(world, org));
          expect(result.errors?.[0]?.extensions?.code, `${name} ${field}`).toBe("PLAN_REQUIRED");
          expect(JSON.stringify(result.data ?? null)).not.toMatch(/#[0-9A-F]{6}/);
        }
        for (const path of ["/v1/industries/52/colors", "/v1/industries/52/patterns", "/v1/industries/52/trends?from=2026-01&to=2026-06", `/v1/brands/${org.brandIds[0]}/industry-patterns`]) {
          expect(await world.rest(role, org.id, path), path).toMatchObject({ status: 403, body: { error: "PLAN_REQUIRED" } });
        }
      }
    });

    it.each(ROLES)("gives every %s of two enterprise organizations the same answers, and only its own brand's matches", async (role) => {
      const [a, e] = ["A", "E"].map((n) => world.organizations.find((o) => o.name === n)!);
      const asA = await world.graphql(role, a!.id, INDUSTRY, { code: "52", limit: 50 });
      const asE = await world.graphql(role, e!.id, INDUSTRY, { code: "52", limit: 50 });
      expect(asA.errors).toBeUndefined();
      expect(asE).toEqual(asA);
      const restA = await world.rest(role, a!.id, "/v1/industries/52/patterns?limit=50");
      expect(restA.status).toBe(200);
      expect(restA.body.patterns.map((p: any) => p.colors)).toEqual(asA.data.industry.topPatterns.map((p: any) => p.colors));
      expect(await world.rest(role, e!.id, "/v1/industries/52/patterns?limit=50")).toEqual(restA);
      // Another organization's brand: FORBIDDEN in GraphQL (only its id and name are visible), 404 in REST.
      const foreign = await world.graphql(role, e!.id, BRAND, { id: a!.brandIds[0] });
      expect(foreign.data?.brand ?? null).toBeNull();
      const own = await world.graphql(role, a!.id, BRAND, { id: a!.brandIds[0] });
      expect(own.errors).toBeUndefined();
      expect(await world.rest(role, e!.id, `/v1/brands/${a!.brandIds[0]}/industry-patterns`)).toMatchObject({ status: 404 });
      const ownRest = await world.rest(role, a!.id, `/v1/brands/${a!.brandIds[0]}/industry-patterns?limit=50`);
      expect(ownRest.body.matched.map((p: any) => p.colors)).toEqual(own.data.brand.industryPatterns.matched.map((p: any) => p.colors));
      for (const answer of [asA, asE, restA, own, ownRest]) {
        const text = JSON.stringify(answer);
        for (const id of world.ids) if (id !== a!.brandIds[0]) expect(text).not.toContain(id);
      }
    });
  });
  describe("an incremental refresh", () => {
    const refresher = () => world.gateway.deps.patterns!;
    /** Every Pattern node, as the graph holds it. */
    async function graphPatterns() {
      const { driver, database } = world.gateway.deps.graph!;
      const { records } = await driver.executeQuery(
        `MATCH (p:Pattern) RETURN p.industry AS industry, p.hexes AS colors, p.assets AS approvedAssets, p.brands AS brands,
                p.organizations AS organizations, p.approval_rate AS approvalRate, p.avg_compliance AS avgComplianceScore,
                [i IN range(0, size(p.months) - 1) | [p.months[i], p.month_assets[i], p.month_organizations[i]]] AS months
         ORDER BY p.pattern_id`,
        {},
        { database },
      );
      return records.map((r) => ({ industry: r.get("industry"), ...shown(r.toObject() as any), months: r.get("months") }));
    }
    /** The oracle's patterns of k organizations or more, in the graph's form and order. */
    async function expectedPatterns() {
      const all = await oraclePatterns(world);
      return all
        .filter((p) => p.organizations >= K)
        .map((p) => ({
          industry: p.industry,
          ...shown(p),
          months: [...p.months].filter(([, m]) => m.organizations >= K).sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, m]) => [month, m.approvedAssets, m.organizations]),
        }))
        .sort((a, b) => (`${a.industry}|${a.colors.join(",")}` < `${b.industry}|${b.colors.join(",")}` ? -1 : 1));
    }

    it("recomputes only the industry whose inputs changed", async () => {
      await refresher().refresh();
      const g = world.organizations.find((o) => o.name === "G")!;
      const { id: assetId } = await world.writes.createAsset({ brandId: g.brandIds[1]!, prompt: "s", complianceScore: 0.7, colors: world.planted.S.map((hex) => ({ hex })) });
      await world.writes.recordFeedback({ assetId, action: "approve" });
      expect(await refresher().refresh()).toBe("refreshed");
      expect((await refresher().readRecord())!.recomputedIndustries).toEqual(["62"]);
      // A change no pattern reads (a rename) moves the outbox but no industry.
      await world.writes.updateBrand(g.brandIds[1]!, { name: "renamed" });
      expect(await refresher().refresh()).toBe("refreshed");
      expect((await refresher().readRecord())!.recomputedIndustries).toEqual([]);
      expect(await graphPatterns()).toEqual(await expectedPatterns());
    });

    it("ends where a full recomputation does after random changes in two industries (oracle)", async () => {
      const random = seededRandom(2712);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const { prisma } = world.gateway.deps;
      const colorsOf = async (industry: string) =>
        (await prisma.$queryRaw<{ hex: string }[]>`SELECT DISTINCT c.hex FROM asset_colors c JOIN assets a ON a.id = c.asset_id JOIN brands b ON b.id = a.brand_id WHERE b.industry = ${industry} ORDER BY c.hex`).map((r) => r.hex);
      const assetsOf = async (industry: string) =>
        (await prisma.$queryRaw<{ id: string }[]>`SELECT a.id FROM assets a JOIN brands b ON b.id = a.brand_id WHERE b.industry = ${industry} ORDER BY a.id`).map((r) => r.id);
      for (const industry of ["52", "62"]) {
        const pool = await colorsOf(industry);
        const brands = world.organizations.filter((o) => o.industry === industry).flatMap((o) => o.brandIds);
        for (let i = 0; i < 12; i++) {
          const roll = random();
          if (roll < 0.4) {
            const { id } = await world.writes.createAsset({ brandId: pick(brands), complianceScore: Math.round(random() * 100) / 100, colors: [...new Set([pick(pool), pick(pool), pick(pool)])].map((hex) => ({ hex })) });
            await world.writes.recordFeedback({ assetId: id, action: random() < 0.75 ? "approve" : "reject" });
          } else if (roll < 0.6) {
            await world.writes.recordFeedback({ assetId: pick(await assetsOf(industry)), action: "approve" });
          } else if (roll < 0.8) {
            await world.writes.updateAsset(pick(await assetsOf(industry)), { colors: [...new Set([pick(pool), pick(pool)])].map((hex) => ({ hex })) });
          } else {
            await world.writes.deleteAsset(pick(await assetsOf(industry)));
          }
        }
      }
      // A brand with approved assets changes industry: both industries lose or gain its assets.
      const h = world.organizations.find((o) => o.name === "H")!;
      await world.writes.updateBrand(h.brandIds[0]!, { industry: "52" });

      expect(await refresher().refresh()).toBe("refreshed");
      expect((await refresher().readRecord())!.recomputedIndustries).toEqual(["52", "62"]);
      const incremental = await graphPatterns();
      expect(incremental).toEqual(await expectedPatterns());
      expect(await refresher().refresh({ force: true })).toBe("refreshed");
      expect((await refresher().readRecord())!.recomputedIndustries.length).toBeGreaterThan(2);
      expect(await graphPatterns()).toEqual(incremental);
    });
  });
});

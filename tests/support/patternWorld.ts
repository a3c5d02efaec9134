// A generated world of organizations in two industries, with planted patterns, written as the
// mutations write it into a database of its own, and the oracle: every pattern statistic
// recomputed here, in TypeScript, from the Postgres rows, for the tests to compare the gateway with.
//
// Planted in industry "52" (organizations A–E): the triad T (and so its pairs and colors) approved by
// A, B, C and D; the pair R approved only by A and B (k − 1 organizations with k = 3); the pair Q
// approved many times by E alone. Industry "62" (F, G, H) shares one pair S among all three.
import type { Role } from "../../src/auth/access.ts";
import { seededRandom } from "../../src/domain/seededRandom.ts";
import type { Plan } from "../../src/domain/plans.ts";
import { createIsolatedDatabase } from "./isolatedDatabase.ts";
import { newScope, syncedWrites, uniqueHex } from "./syncedWrites.ts";
import { tenancyHeaders, tenancyVerifier } from "./tenants.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "./testDeps.ts";

export const K = 3;
export const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];

export interface WorldOrganization {
  readonly name: string;
  readonly id: string;
  readonly plan: Plan;
  readonly industry: string;
  readonly brandIds: string[];
}

export interface PatternWorld {
  readonly gateway: TestGateway;
  readonly organizations: WorldOrganization[];
  readonly planted: { T: string[]; R: string[]; Q: string[]; S: string[] };
  /** Every organization, brand, asset and feedback id written. */
  readonly ids: Set<string>;
  graphql(role: Role, organizationId: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
  rest(role: Role, organizationId: string, path: string): Promise<{ status: number; body: any }>;
  writes: ReturnType<typeof syncedWrites>;
  close(): Promise<void>;
}

const PLANS: Record<string, Plan> = { A: "enterprise", B: "enterprise", C: "team", D: "free", E: "enterprise", F: "enterprise", G: "free", H: "team" };

export async function buildPatternWorld(seed = 7): Promise<PatternWorld> {
  const databaseUrl = await createIsolatedDatabase("patterns");
  const gateway = await startTestGateway(createTestDeps({ databaseUrl, verifyToken: tenancyVerifier() }));
  const scope = newScope();
  const writes = syncedWrites(gateway.deps, scope, { waitForGraph: true });
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const hexes = (n: number) => Array.from({ length: n }, () => uniqueHex(scope)).sort();
  const planted = { T: hexes(3), R: hexes(2), Q: hexes(2), S: hexes(2) };
  const pools: Record<string, string[]> = { "52": [...hexes(6), ...planted.T], "62": [...hexes(5), ...planted.S] };
  const ids = new Set<string>();
  const organizations: WorldOrganization[] = [];

  async function asset(brandId: string, colors: readonly string[], action: "approve" | "reject" | null) {
    const { id } = await writes.createAsset({
      brandId,
      prompt: "generated",
      complianceScore: Math.round(random() * 100) / 100,
      colors: [...new Set(colors)].map((hex) => ({ hex, coverage: 0.2 })),
    });
    ids.add(id);
    if (action) ids.add((await writes.recordFeedback({ assetId: id, action })).id);
  }

  for (const [name, plan] of Object.entries(PLANS)) {
    const industry = "ABCDE".includes(name) ? "52" : "62";
    const pool = pools[industry]!;
    const { id } = await writes.createOrganization();
    await gateway.deps.prisma.organization.update({ where: { id }, data: { plan } });
    ids.add(id);
    const org: WorldOrganization = { name, id, plan, industry, brandIds: [] };
    organizations.push(org);
    for (let b = 0; b < 2; b++) {
      const palette = [...new Set([pick(pool), pick(pool), pick(pool), pick(pool)])];
      const brand = await writes.createBrand({ organizationId: id, name: `World ${name}${b}`, industry, colors: palette.map((hex) => ({ hex })) });
      ids.add(brand.id);
      org.brandIds.push(brand.id);
      for (let a = 0; a < 4; a++) {
        const colors = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random() < 0.7 ? palette : pool));
        const roll = random();
        await asset(brand.id, colors, roll < 0.6 ? "approve" : roll < 0.85 ? "reject" : null);
      }
    }
    const [first] = org.brandIds;
    if ("ABCD".includes(name)) for (let i = 0; i < 2; i++) await asset(first!, planted.T, "approve");
    if ("AB".includes(name)) for (let i = 0; i < 2; i++) await asset(first!, planted.R, "approve");
    if (name === "E") for (let i = 0; i < 5; i++) await asset(first!, planted.Q, "approve");
    if ("FGH".includes(name)) await asset(first!, planted.S, "approve");
  }
  // Approvals spread over six months (Postgres is the truth the patterns are learned from).
  const feedback = await gateway.deps.prisma.feedback.findMany({ where: { id: { in: [...ids] } }, select: { id: true }, orderBy: { id: "asc" } });
  for (const [i, { id }] of feedback.entries()) {
    await gateway.deps.prisma.feedback.update({ where: { id }, data: { createdAt: new Date(`${MONTHS[i % MONTHS.length]}-15T12:00:00Z`) } });
  }

  return {
    gateway,
    organizations,
    planted,
    ids,
    writes,
    async graphql(role, organizationId, query, variables) {
      return gateway.graphql(query, variables, await tenancyHeaders(role, organizationId));
    },
    async rest(role, organizationId, path) {
      const res = await fetch(`${gateway.url}${path}`, { headers: await tenancyHeaders(role, organizationId) });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      const { driver, database } = gateway.deps.graph!;
      await driver.executeQuery("MATCH (p:Pattern) DETACH DELETE p", {}, { database });
      await driver.executeQuery("MATCH (s:PatternSet) DELETE s", {}, { database });
      await gateway.close();
    },
  };
}

export interface OraclePattern {
  readonly industry: string;
  readonly colors: string[];
  readonly approvedAssets: number;
  readonly brands: number;
  readonly organizations: number;
  readonly approvalRate: number;
  readonly avgComplianceScore: number | null;
  /** Month → approved assets and distinct organizations. */
  readonly months: Map<string, { approvedAssets: number; organizations: number }>;
}

/** Every color set of every reviewed asset, with its statistics, from the Postgres rows; no k applied. */
export async function oraclePatterns(world: PatternWorld): Promise<OraclePattern[]> {
  const rows = await world.gateway.deps.prisma.$queryRaw<
    { brand_id: string; organization_id: string; industry: string; compliance_score: number | null; colors: string[]; actions: string[]; times: Date[] }[]
  >`SELECT a.brand_id, b.organization_id, b.industry, a.compliance_score,
           (SELECT array_agg(c.hex ORDER BY c.hex) FROM asset_colors c WHERE c.asset_id = a.id) AS colors,
           array_agg(f.action ORDER BY f.created_at) AS actions, array_agg(f.created_at ORDER BY f.created_at) AS times
      FROM assets a JOIN brands b ON b.id = a.brand_id JOIN feedback f ON f.asset_id = a.id
     WHERE b.industry IS NOT NULL GROUP BY a.id, b.id`;
  type Acc = { industry: string; colors: string[]; reviewed: number; approved: number; brands: Set<string>; orgs: Set<string>; scores: number[]; months: Map<string, { assets: number; orgs: Set<string> }> };
  const sets = new Map<string, Acc>();
  for (const row of rows) {
    const colors = row.colors ?? [];
    const firstApproval = row.times.find((_, i) => row.actions[i] === "approve");
    for (const subset of subsetsUpTo3(colors)) {
      const key = `${row.industry}|${subset.join(",")}`;
      const acc = sets.get(key) ?? { industry: row.industry, colors: subset, reviewed: 0, approved: 0, brands: new Set<string>(), orgs: new Set<string>(), scores: [] as number[], months: new Map() } as Acc;
      sets.set(key, acc);
      acc.reviewed++;
      if (!firstApproval) continue;
      acc.approved++;
      acc.brands.add(row.brand_id);
      acc.orgs.add(row.organization_id);
      if (row.compliance_score !== null) acc.scores.push(row.compliance_score);
      const month = firstApproval.toISOString().slice(0, 7);
      const m = acc.months.get(month) ?? { assets: 0, orgs: new Set<string>() };
      acc.months.set(month, m);
      m.assets++;
      m.orgs.add(row.organization_id);
    }
  }
  return [...sets.values()].map((acc) => ({
    industry: acc.industry,
    colors: acc.colors,
    approvedAssets: acc.approved,
    brands: acc.brands.size,
    organizations: acc.orgs.size,
    approvalRate: acc.approved / acc.reviewed,
    avgComplianceScore: acc.scores.length ? acc.scores.reduce((s, x) => s + x, 0) / acc.scores.length : null,
    months: new Map([...acc.months].map(([month, m]) => [month, { approvedAssets: m.assets, organizations: m.orgs.size }])),
  }));
}

function subsetsUpTo3(colors: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < colors.length; i++) {
    out.push([colors[i]!]);
    for (let j = i + 1; j < colors.length; j++) {
      out.push([colors[i]!, colors[j]!]);
      for (let k = j + 1; k < colors.length; k++) out.push([colors[i]!, colors[j]!, colors[k]!]);
    }
  }
  return out;
}

/** The gateway's order: approved assets desc, then the colors joined. */
export const byRank = (a: { approvedAssets: number; colors: string[] }, b: { approvedAssets: number; colors: string[] }) =>
  b.approvedAssets - a.approvedAssets || (a.colors.join(",") < b.colors.join(",") ? -1 : a.colors.join(",") > b.colors.join(",") ? 1 : 0);

/** A pattern as the GraphQL API shows it, numbers rounded so float sums compare. */
export const shown = (p: { colors: string[]; approvedAssets: number; brands: number; organizations: number; approvalRate: number; avgComplianceScore: number | null }) => ({
  colors: p.colors,
  approvedAssets: p.approvedAssets,
  brands: p.brands,
  organizations: p.organizations,
  approvalRate: Number(p.approvalRate.toFixed(9)),
  avgComplianceScore: p.avgComplianceScore === null ? null : Number(p.avgComplianceScore.toFixed(9)),
});

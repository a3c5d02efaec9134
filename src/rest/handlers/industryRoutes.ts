// The industry routes, in the seed plan's REST style (snake_case JSON, a count beside each list):
// the same reads as GraphQL's Query.industry and Brand.industryPatterns, the same plan check, the
// same k. Nothing here names a brand, an asset or an organization but the caller's own brand.
import { parseIndustry } from "../../domain/industries.ts";
import { patternSize, trendWindow } from "../../domain/patternArgs.ts";
import { boundedLimit } from "../../domain/relationshipArgs.ts";
import { badInput, notFound } from "../../errors/codes.ts";
import { brandIndustryPatterns as readBrandIndustryPatterns } from "../../patterns/brandIndustryPatterns.ts";
import { patternTrends, topPatterns, type IndustryPattern, type PatternTrend } from "../../patterns/industryReads.ts";
import { requireDiscovery } from "../../patterns/requireDiscovery.ts";
import { brandStore } from "../../stores/brandStore.ts";
import { intParam } from "../intParam.ts";
import type { RestRequest, RestRoute } from "../RestRoute.ts";

const patternJson = (p: IndustryPattern) => ({
  colors: p.colors,
  size: p.size,
  approved_assets: p.approvedAssets,
  brands: p.brands,
  organizations: p.organizations,
  approval_rate: p.approvalRate,
  avg_compliance_score: p.avgComplianceScore,
});

const trendJson = (t: PatternTrend) => ({
  ...patternJson(t.pattern),
  window_approved_assets: t.approvedAssets,
  points: t.points.map((p) => ({ month: p.month, approved_assets: p.approvedAssets, organizations: p.organizations })),
});

/** The industry of the path, checked before the plan so a typo is told as such on any plan. */
async function allowedIndustry(request: RestRequest): Promise<string> {
  const code = parseIndustry(request.params[0] ?? "", "industry");
  await requireDiscovery(request.access, request.reads.loaders);
  return code;
}

const sizeParam = (query: URLSearchParams, allowed: readonly number[]) =>
  query.has("size") ? [patternSize("size", intParam(query, "size", 0), allowed)] : [...allowed];

/** GET /v1/industries/{code}/colors?limit=10 */
export const industryColors: RestRoute = {
  pattern: /^\/v1\/industries\/([^/]+)\/colors$/,
  async handle(request) {
    const limit = boundedLimit("limit", intParam(request.query, "limit", 10));
    const industry = await allowedIndustry(request);
    const colors = await topPatterns(request.graph, request.patterns.minOrganizations, industry, [1], limit);
    return { industry, colors: colors.map(patternJson), count: colors.length };
  },
};

/** GET /v1/industries/{code}/patterns?size=2&limit=10 */
export const industryPatterns: RestRoute = {
  pattern: /^\/v1\/industries\/([^/]+)\/patterns$/,
  async handle(request) {
    const sizes = sizeParam(request.query, [2, 3]);
    const limit = boundedLimit("limit", intParam(request.query, "limit", 10));
    const industry = await allowedIndustry(request);
    const patterns = await topPatterns(request.graph, request.patterns.minOrganizations, industry, sizes, limit);
    return { industry, patterns: patterns.map(patternJson), count: patterns.length };
  },
};

/** GET /v1/industries/{code}/trends?from=2026-01&to=2026-06&size=2&limit=10 */
export const industryTrends: RestRoute = {
  pattern: /^\/v1\/industries\/([^/]+)\/trends$/,
  async handle(request) {
    const { query } = request;
    for (const name of ["from", "to"]) if (!query.has(name)) throw badInput(name, "is required (YYYY-MM)");
    const window = trendWindow({ from: "from", to: "to" }, query.get("from")!, query.get("to")!);
    const sizes = sizeParam(query, [1, 2, 3]);
    const limit = boundedLimit("limit", intParam(query, "limit", 10));
    const industry = await allowedIndustry(request);
    const trends = await patternTrends(request.graph, request.patterns.minOrganizations, industry, window, sizes, limit);
    return { industry, from: window.from, to: window.to, trends: trends.map(trendJson), count: trends.length };
  },
};

/** GET /v1/brands/{brand_id}/industry-patterns?limit=10 — the caller's own brand only (else 404). */
export const brandIndustryPatterns: RestRoute = {
  pattern: /^\/v1\/brands\/([^/]+)\/industry-patterns$/,
  async handle(request) {
    const brandId = request.params[0] ?? "";
    const limit = boundedLimit("limit", intParam(request.query, "limit", 10));
    await requireDiscovery(request.access, request.reads.loaders);
    const [brand] = await brandStore.rowsByIds(request.sql, [brandId], request.access.organizationScope);
    if (!brand) throw notFound("Brand", brandId, "brand_id");
    const answer = await readBrandIndustryPatterns(request.graph, request.reads.loaders, request.patterns.minOrganizations, brand, limit);
    return {
      brand_id: brandId,
      industry: answer.industry?.code ?? null,
      matched: answer.matched.map(patternJson),
      nearest: answer.nearest.map((n) => ({ ...patternJson(n.pattern), missing_colors: n.missingColors, distance: n.distance })),
    };
  },
};

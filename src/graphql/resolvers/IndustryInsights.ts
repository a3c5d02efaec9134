import { industryName } from "../../domain/industries.ts";
import { patternSize, trendWindow } from "../../domain/patternArgs.ts";
import { boundedLimit } from "../../domain/relationshipArgs.ts";
import type { IndustryInsightsResolvers } from "../../generated/graphql.ts";
import { patternTrends, topPatterns } from "../../patterns/industryReads.ts";

const sizesOf = (size: number | null | undefined, allowed: readonly number[]) =>
  size == null ? [...allowed] : [patternSize("size", size, allowed)];

/** The parent is an industry Query.industry validated and allowed (the plan check is there). */
export const IndustryInsights: IndustryInsightsResolvers = {
  industry: ({ code }) => ({ code, name: industryName(code)! }),
  topColors: ({ code }, { limit }, { deps }) =>
    topPatterns(deps.graph, deps.config.patterns.minOrganizations, code, [1], boundedLimit("limit", limit)),
  topPatterns: ({ code }, { size, limit }, { deps }) =>
    topPatterns(deps.graph, deps.config.patterns.minOrganizations, code, sizesOf(size, [2, 3]), boundedLimit("limit", limit)),
  trends: ({ code }, { from, to, size, limit }, { deps }) =>
    patternTrends(
      deps.graph,
      deps.config.patterns.minOrganizations,
      code,
      trendWindow({ from: "from", to: "to" }, from, to),
      sizesOf(size, [1, 2, 3]),
      boundedLimit("limit", limit),
    ),
};

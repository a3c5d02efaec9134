// The four relationship queries on the query data set: p50/p99 through the gateway (/graphql, or
// /v1 REST for a brand's colors, which has no graph GraphQL field) beside the same src/graph function
// called directly with neo4j-driver, interleaved one request at a time after a warm-up. The two with
// a ratio goal are also timed through a bare Apollo Server doing the same work (apolloFloor.ts).
// Every gateway request is a tenant's, as in production: a bearer token of the asked brand's
// organization (for Color.brands, a color of that brand's palette), and the direct call asks for
// that organization's view.
import { findBrandColors } from "../../src/relationships/brandColors.ts";
import { findBrandsUsingColor } from "../../src/relationships/brandsUsingColor.ts";
import { findColorPairings } from "../../src/relationships/colorPairings.ts";
import { findSimilarBrands } from "../../src/relationships/similarBrands.ts";
import { mintToken } from "../../src/auth/mintToken.ts";
import { createTokenVerifier } from "../../src/auth/tokenVerifier.ts";
import { createServer } from "../../src/http/createServer.ts";
import type { Check, Suite } from "../suite.ts";
import { startApolloFloor } from "../support/apolloFloor.ts";
import { compareWithOracle, QUERIES } from "../support/relationshipOracle.ts";
import { compareSaturation } from "../support/saturation.ts";
import { getJson, postGraphql } from "../support/benchClient.ts";
import { benchDeps } from "../support/benchDeps.ts";
import { compareLatency } from "../support/measureLatency.ts";
import { round, type Latency } from "../support/stats.ts";

// Issue #29 replaced the gateway/direct goal of the queries that have a floor with one against the
// floor (a bare Apollo Server doing the same work) and asks p99 ≤ 50 ms at the large data set.
const GOALS = { p50Ms: 20, p99Ms: 100, largeP99Ms: 50, ratioP50: 1.5, floorRatioP50: 1.3, saturationRatio: 0.9, oracleAnswers: 200 };
const SATURATION = { connections: 32, seconds: 10, warmupSeconds: 3, rounds: 3 };

const SECRET = "relationship-queries-bench-secret-of-32-chars";

const SIMILAR_BRANDS_QUERY = `query ($id: ID!) { brand(id: $id) { similarBrands { brand { id } sharedColorCount similarityScore } } }`;
const FLOOR_SIMILAR_BRANDS_QUERY = `query ($id: ID!) { similarBrands(brandId: $id, minSharedColors: 3, limit: 5) { similarBrandId sharedColorCount similarityScore } }`;

/** What one request asks, and the organization whose token asks it. */
interface TenantInput {
  readonly key: string;
  readonly organizationId: string;
}

interface QueryCase {
  readonly query: string;
  readonly via: string;
  readonly inputs: readonly TenantInput[];
  readonly gateway: (input: TenantInput) => Promise<unknown>;
  readonly direct: (input: TenantInput) => Promise<unknown>;
  /** The same work through a bare Apollo Server, where the ratio has a goal. */
  readonly floor?: (input: TenantInput) => Promise<unknown>;
}

export const run: Suite = async (ctx) => {
  const iterations = ctx.smoke ? 10 : 400;
  const warmup = ctx.smoke ? 2 : 50;
  const data = await ctx.stores.loadDataset(ctx.presets.queries, { fill: true });
  const { graph } = ctx.stores;
  const verifyToken = createTokenVerifier({ key: { kind: "secret", secret: SECRET }, issuer: undefined, audience: undefined });
  const deps = benchDeps(ctx.stores, data.databaseUrl, { maxConnections: 5, auth: () => ({ verifyToken, devToken: null }) });
  const gateway = await createServer(deps);
  const floor = await startApolloFloor(graph, deps.sql);
  try {
    const url = await gateway.listen(0);
    const tokens = new Map<string, string>();
    for (const { organizationId } of data.sample.brands) {
      if (!tokens.has(organizationId)) tokens.set(organizationId, `Bearer ${await mintToken(SECRET, { organizationId, role: "viewer" })}`);
    }
    const as = ({ organizationId }: TenantInput) => ({ authorization: tokens.get(organizationId)! });
    const graphql = (query: string, input: TenantInput, variables: Record<string, unknown>) => postGraphql(url, query, variables, as(input));
    const brands = data.sample.brands.map((b) => ({ key: b.id, organizationId: b.organizationId }));
    // Each sampled brand's palette in turn: neutrals come up as often as palettes hold them.
    const colors = data.sample.brands.flatMap((b) => b.palette.map((hex) => ({ key: hex, organizationId: b.organizationId })));
    const cases: QueryCase[] = [
      {
        query: "similarBrands (min 3, top 5)",
        via: "GraphQL",
        inputs: brands,
        gateway: (b) => graphql(SIMILAR_BRANDS_QUERY, b, { id: b.key }),
        direct: (b) => findSimilarBrands(graph, [b.key], { minSharedColors: 3, limit: 5 }),
        floor: (b) => postGraphql(floor.url, FLOOR_SIMILAR_BRANDS_QUERY, { id: b.key }),
      },
      {
        query: "Color.pairings (min 5, top 10)",
        via: "GraphQL",
        inputs: colors,
        gateway: (c) => graphql(`query ($hex: String!) { color(hex: $hex) { pairings { color { hex } pairingCount avgComplianceScore } } }`, c, { hex: c.key }),
        direct: (c) => findColorPairings(graph, [c.key], { minSamples: 5, limit: 10 }, c.organizationId),
        floor: (c) =>
          postGraphql(floor.url, `query ($hex: String!, $org: ID!) { pairings(hex: $hex, organizationId: $org, minSamples: 5, limit: 10) { pairedHex pairingCount avgComplianceScore } }`, {
            hex: c.key,
            org: c.organizationId,
          }),
      },
      {
        query: "Color.brands (the tenant's brands using it)",
        via: "GraphQL",
        inputs: colors,
        gateway: (c) => graphql(`query ($hex: String!) { color(hex: $hex) { brands { brand { id } usageWeight } } }`, c, { hex: c.key }),
        direct: (c) => findBrandsUsingColor(graph, [c.key], c.organizationId),
      },
      {
        query: "brand colors",
        via: "REST GET /v1/brands/{id}/graph",
        inputs: brands,
        gateway: (b) => getJson(`${url}/v1/brands/${b.key}/graph`, as(b)),
        direct: (b) => findBrandColors(graph, b.key),
      },
    ];

    const results = [];
    for (const c of cases) {
      ctx.log(`${c.query}: ${iterations} requests each way …`);
      const run = { iterations, warmup };
      const timed: { gateway: Latency; direct: Latency; floor?: Latency } = c.floor
        ? await compareLatency(c.inputs, { gateway: c.gateway, direct: c.direct, floor: c.floor }, run)
        : await compareLatency(c.inputs, { gateway: c.gateway, direct: c.direct }, run);
      const floor = timed.floor ?? null;
      const ratioOf = (latency: Latency) => round(latency.p50 / timed.direct.p50);
      results.push({ query: c.query, via: c.via, ...timed, floor, ratioP50: ratioOf(timed.gateway), floorRatioP50: floor && ratioOf(floor) });
    }

    ctx.log(`similarBrands at saturation: ${SATURATION.connections} connections, gateway and floor in turn …`);
    const similarBody = (b: TenantInput) => JSON.stringify({ query: SIMILAR_BRANDS_QUERY, variables: { id: b.key } });
    const saturation = await compareSaturation({
      gateway: { url, requests: brands.map((b) => ({ body: similarBody(b), headers: as(b) })) },
      floor: { url: floor.url, requests: brands.map((b) => ({ body: JSON.stringify({ query: FLOOR_SIMILAR_BRANDS_QUERY, variables: { id: b.key } }), headers: {} })) },
    }, ctx.smoke ? { ...SATURATION, seconds: 1, warmupSeconds: 1, rounds: 1 } : SATURATION);

    ctx.log(`${GOALS.oracleAnswers} similarBrands, Color.brands and Color.pairings answers against the Cypher oracle …`);
    const oracle = await compareWithOracle(graph, data.sample.brands, GOALS.oracleAnswers);

    const p99Goal = data.preset === "large" ? GOALS.largeP99Ms : GOALS.p99Ms;
    const checks: Check[] = [
      ...results.flatMap((r): Check[] => [
        {
          what: `${r.query} via ${r.via}: latency`,
          measured: `p50 ${r.gateway.p50} ms, p99 ${r.gateway.p99} ms (direct: ${r.direct.p50}, ${r.direct.p99} ms)`,
          goal: `p50 ≤ ${GOALS.p50Ms} ms, p99 ≤ ${p99Goal} ms`,
          met: r.gateway.p50 <= GOALS.p50Ms && r.gateway.p99 <= p99Goal,
        },
        r.floor === null
          ? { what: `${r.query}: p50 via ${r.via.split(" ")[0]} / p50 direct`, measured: String(r.ratioP50), goal: `≤ ${GOALS.ratioP50}`, met: r.ratioP50 <= GOALS.ratioP50 }
          : {
              what: `${r.query}: p50 via the gateway / p50 via a bare Apollo Server doing the same work`,
              measured: `${round(r.gateway.p50 / r.floor.p50)} (each over direct: ${r.ratioP50} and ${r.floorRatioP50})`,
              goal: `≤ ${GOALS.floorRatioP50}`,
              met: r.gateway.p50 / r.floor.p50 <= GOALS.floorRatioP50,
            },
      ]),
      {
        what: `similarBrands at saturation (${SATURATION.connections} connections): requests/s of the gateway / of a bare Apollo Server`,
        measured: `${saturation.ratio} (${saturation.gateway.requestsPerSecond} vs ${saturation.floor.requestsPerSecond} requests/s)`,
        goal: `≥ ${GOALS.saturationRatio}`,
        met: saturation.ratio >= GOALS.saturationRatio,
      },
      {
        what: "similarBrands, Color.brands and Color.pairings answers equal to a Cypher oracle of their definition",
        measured: `${oracle.equal} of ${oracle.asked}`,
        goal: `all, ${GOALS.oracleAnswers} of each`,
        met: oracle.equal === oracle.asked && oracle.asked === QUERIES * Math.min(GOALS.oracleAnswers, data.sample.brands.length),
      },
    ];
    return { checks, data: { preset: data.preset, iterations, warmup, results, saturation, oracle, goals: GOALS } };
  } finally {
    await gateway.close();
    await floor.close();
    await deps.close();
  }
};

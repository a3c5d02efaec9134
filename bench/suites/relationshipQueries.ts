// The four relationship queries on the query data set: p50/p99 through the gateway (/graphql, or
// /v1 REST for a brand's colors, which has no graph GraphQL field) beside the same src/graph function
// called directly with neo4j-driver, interleaved one request at a time after a warm-up. The two with
// a ratio goal are also timed through a bare Apollo Server doing the same work (apolloFloor.ts).
import { findBrandColors } from "../../src/relationships/brandColors.ts";
import { findBrandsUsingColor } from "../../src/relationships/brandsUsingColor.ts";
import { findColorPairings } from "../../src/relationships/colorPairings.ts";
import { findSimilarBrands } from "../../src/relationships/similarBrands.ts";
import { createServer } from "../../src/http/createServer.ts";
import type { Check, Suite } from "../suite.ts";
import { startApolloFloor } from "../support/apolloFloor.ts";
import { getJson, postGraphql } from "../support/benchClient.ts";
import { benchDeps } from "../support/benchDeps.ts";
import { compareLatency } from "../support/measureLatency.ts";
import { round, type Latency } from "../support/stats.ts";

const GOALS = { p50Ms: 20, p99Ms: 100, ratioP50: 1.5 };

interface QueryCase {
  readonly query: string;
  readonly via: string;
  readonly inputs: readonly string[];
  readonly gateway: (input: string) => Promise<unknown>;
  readonly direct: (input: string) => Promise<unknown>;
  /** The same work through a bare Apollo Server, where the ratio has a goal. */
  readonly floor?: (input: string) => Promise<unknown>;
}

export const run: Suite = async (ctx) => {
  const iterations = ctx.smoke ? 10 : 400;
  const warmup = ctx.smoke ? 2 : 50;
  const data = await ctx.stores.loadDataset(ctx.presets.queries, { fill: true });
  const { graph } = ctx.stores;
  const deps = benchDeps(ctx.stores, data.databaseUrl, { maxConnections: 5 });
  const gateway = await createServer(deps);
  const floor = await startApolloFloor(graph, deps.sql);
  try {
    const url = await gateway.listen(0);
    const graphql = (query: string, variables: Record<string, unknown>) => postGraphql(url, query, variables);
    const rest = (pathname: string) => getJson(`${url}${pathname}`);
    const { brandIds, hexes } = data.sample;
    const cases: QueryCase[] = [
      {
        query: "similarBrands (min 3, top 5)",
        via: "GraphQL",
        inputs: brandIds,
        gateway: (id) => graphql(`query ($id: ID!) { brand(id: $id) { similarBrands { brand { id } sharedColorCount similarityScore } } }`, { id }),
        direct: (id) => findSimilarBrands(graph, [id], { minSharedColors: 3, limit: 5 }),
        floor: (id) => postGraphql(floor.url, `query ($id: ID!) { similarBrands(brandId: $id, minSharedColors: 3, limit: 5) { similarBrandId sharedColorCount similarityScore } }`, { id }),
      },
      {
        query: "Color.pairings (min 5, top 10)",
        via: "GraphQL",
        inputs: hexes,
        gateway: (hex) => graphql(`query ($hex: String!) { color(hex: $hex) { pairings { color { hex } pairingCount avgComplianceScore } } }`, { hex }),
        direct: (hex) => findColorPairings(graph, [hex], { minSamples: 5, limit: 10 }, null),
        floor: (hex) => postGraphql(floor.url, `query ($hex: String!) { pairings(hex: $hex, minSamples: 5, limit: 10) { pairedHex pairingCount avgComplianceScore } }`, { hex }),
      },
      {
        query: "Color.brands (every brand using it)",
        via: "GraphQL",
        inputs: hexes,
        gateway: (hex) => graphql(`query ($hex: String!) { color(hex: $hex) { brands { brand { id } usageWeight } } }`, { hex }),
        direct: (hex) => findBrandsUsingColor(graph, [hex], null),
      },
      {
        query: "brand colors",
        via: "REST GET /v1/brands/{id}/graph",
        inputs: brandIds,
        gateway: (id) => rest(`/v1/brands/${id}/graph`),
        direct: (id) => findBrandColors(graph, id),
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
    const checks: Check[] = results.flatMap((r) => [
      {
        what: `${r.query} via ${r.via}: latency`,
        measured: `p50 ${r.gateway.p50} ms, p99 ${r.gateway.p99} ms (direct: ${r.direct.p50}, ${r.direct.p99} ms)`,
        goal: `p50 ≤ ${GOALS.p50Ms} ms, p99 ≤ ${GOALS.p99Ms} ms`,
        met: r.gateway.p50 <= GOALS.p50Ms && r.gateway.p99 <= GOALS.p99Ms,
      },
      {
        what: `${r.query}: p50 via ${r.via.split(" ")[0]} / p50 direct`,
        measured: r.floorRatioP50 === null ? String(r.ratioP50) : `${r.ratioP50} (a bare Apollo Server doing the same work: ${r.floorRatioP50})`,
        goal: `≤ ${GOALS.ratioP50}`,
        met: r.ratioP50 <= GOALS.ratioP50,
      },
    ]);
    return { checks, data: { preset: data.preset, iterations, warmup, results, goals: GOALS } };
  } finally {
    await gateway.close();
    await floor.close();
    await deps.close();
  }
};

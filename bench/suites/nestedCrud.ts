// "100 brands with their colors and assets" through /graphql on the query data set: SQL statements
// per request (the goal is a constant, whatever the page size) and latency. Postgres only.
import { createServer } from "../../src/http/createServer.ts";
import type { Suite } from "../suite.ts";
import { postGraphql } from "../support/benchClient.ts";
import { benchDeps } from "../support/benchDeps.ts";
import { latencyOf } from "../support/stats.ts";

const BRANDS = 100;
const STATEMENTS_GOAL = 4;
const QUERY = `query NestedBrands($first: Int!) {
  brands(first: $first) {
    edges { node { id name colors { hex name usage usageWeight } assets(first: 10) { edges { node { id colors { hex coverage } } } } } }
  }
}`;

export const run: Suite = async (ctx) => {
  const repetitions = ctx.smoke ? 5 : 50;
  const warmup = ctx.smoke ? 1 : 5;
  const data = await ctx.stores.loadDataset(ctx.presets.queries, { fill: true });
  let statements = 0;
  const deps = benchDeps(ctx.stores, data.databaseUrl, { neo4jUri: null, onQuery: () => statements++ });
  const gateway = await createServer(deps);
  try {
    const url = await gateway.listen(0);
    const expected = Math.min(BRANDS, data.counts.brands);
    const request = async () => {
      statements = 0;
      const started = performance.now();
      const data = await postGraphql<{ brands: { edges: unknown[] } }>(url, QUERY, { first: BRANDS });
      const ms = performance.now() - started;
      if (data.brands.edges.length !== expected) throw new Error(`expected ${expected} brands, got ${data.brands.edges.length}`);
      return { ms, statements };
    };
    for (let i = 0; i < warmup; i++) await request();
    const samples = [];
    for (let i = 0; i < repetitions; i++) samples.push(await request());

    const latency = latencyOf(samples.map((s) => s.ms));
    const statementsPerRequest = [...new Set(samples.map((s) => s.statements))];
    const constant = statementsPerRequest.length === 1 && statementsPerRequest[0] === STATEMENTS_GOAL;
    return {
      checks: [
        {
          what: `"${BRANDS} brands with their colors and assets" through /graphql: SQL statements per request`,
          measured: statementsPerRequest.join(" / "),
          goal: `constant (${STATEMENTS_GOAL})`,
          met: constant,
        },
        { what: "the same query's latency", measured: `p50 ${latency.p50} ms, p99 ${latency.p99} ms`, goal: "—", met: null },
      ],
      data: { preset: data.preset, query: QUERY, brands: expected, warmup, repetitions, statementsPerRequest, latencyMs: latency },
    };
  } finally {
    await gateway.close();
    await deps.close();
  }
};

// The cost limit counts a list's size however it is passed (issue 31): `first: 100` as a literal,
// as a variable, as a variable's default, or inside a fragment all cost the same, at the default
// limits, against the real gateway; a small size still executes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/auth/access.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";

const ASSET = "id prompt imageUrl complianceScore status createdAt colors { hex coverage } feedback { id action reason createdAt }";
const BRAND = `id name learningActive feedbackCount createdAt colors { hex name usage usageWeight context }`;

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway(createTestDeps({ verifyToken: tenancyVerifier() }));
});
afterAll(() => gateway.close());

const post = async (query: string, variables: Record<string, unknown> | undefined, role: (typeof ROLES)[number] = "viewer") => {
  const res = await fetch(`${gateway.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await tenancyHeaders(role, randomUUID())) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
};
const tooComplex = { status: 400, body: { errors: [{ message: expect.stringMatching(/^Query Cost limit of 250000 exceeded, found [\d.]+\.$/), extensions: { code: "QUERY_TOO_COMPLEX" } }] } };
const costOf = (answer: { body: { errors: Array<{ message: string }> } }) => Number(/found ([\d.]+)/.exec(answer.body.errors[0]!.message)![1]);

describe("the cost limit with variables", () => {
  const literal = `{ brands(first: 100) { edges { node { ${BRAND} assets(first: 100) { edges { node { ${ASSET} } } } } } } }`;
  const withVariable = `query ($n: Int) { brands(first: $n) { edges { node { ${BRAND} assets(first: $n) { edges { node { ${ASSET} } } } } } } }`;
  const withDefault = `query ($n: Int = 100) { brands(first: $n) { edges { node { ${BRAND} assets(first: $n) { edges { node { ${ASSET} } } } } } } }`;
  const withFragment = `query ($n: Int) { brands(first: $n) { edges { node { ...Brand } } } }
    fragment Brand on Brand { ${BRAND} assets(first: $n) { edges { node { ${ASSET} } } } }`;

  it("rejects 100 brands with 100 assets each written as literals", async () => {
    expect(await post(literal, undefined)).toEqual(tooComplex);
  });

  it("rejects the same query with first: $n and n = 100, at the same cost, for every role", async () => {
    const literalCost = costOf(await post(literal, undefined));
    for (const role of ROLES) {
      const answer = await post(withVariable, { n: 100 }, role);
      expect(answer).toEqual(tooComplex);
      expect(costOf(answer)).toBe(literalCost);
    }
  });

  it("rejects it when n is left to its default of 100", async () => {
    expect(await post(withDefault, undefined)).toEqual(tooComplex);
    expect(await post(withDefault, {})).toEqual(tooComplex);
  });

  it("rejects it when the sized lists sit in fragments", async () => {
    expect(await post(withFragment, { n: 100 })).toEqual(tooComplex);
  });

  it("executes it with a small n, a variable's value overriding its default", async () => {
    expect(await post(withVariable, { n: 3 })).toEqual({ status: 200, body: { data: { brands: { edges: [] } } } });
    expect(await post(withDefault, { n: 3 })).toEqual({ status: 200, body: { data: { brands: { edges: [] } } } });
    expect(await post(withFragment, { n: 3 })).toEqual({ status: 200, body: { data: { brands: { edges: [] } } } });
  });

  it("counts each request's own values against one cached document", async () => {
    expect((await post(withVariable, { n: 3 })).status).toBe(200);
    expect(await post(withVariable, { n: 100 })).toEqual(tooComplex);
    expect((await post(withVariable, { n: 3 })).status).toBe(200);
  });

  it("leaves a size that is not a positive integer to the argument's own checks", async () => {
    const { status, body } = await post(withVariable, { n: -1 });
    expect(status).toBe(200);
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

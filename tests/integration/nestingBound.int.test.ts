// One bound on nesting (64 levels, src/domain/nesting.ts), enforced before anything in the gateway
// recurses through a request: issue 31's 5,000-level variables, deep query text and fragment
// chains each answer 400 with a code instead of a stack overflow and a 500, and the gateway goes on.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_NESTING } from "../../src/domain/nesting.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";

let gateway: TestGateway;
let auth: Record<string, string>;
beforeAll(async () => {
  gateway = await startTestGateway(createTestDeps({ verifyToken: tenancyVerifier() }));
  auth = await tenancyHeaders("viewer", randomUUID());
});
afterAll(() => gateway.close());

/** Built as text: JSON.stringify itself recurses and would overflow on the value. */
const nestedLists = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;

const post = async (body: string) => {
  const res = await fetch(`${gateway.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...auth }, body });
  return { status: res.status, body: await res.json() };
};
const get = async (params: Record<string, string>) => {
  const res = await fetch(`${gateway.url}/graphql?${new URLSearchParams(params)}`, { headers: { accept: "application/json", ...auth } });
  return { status: res.status, body: await res.json() };
};
const stillAnswers = async () => expect(await post(JSON.stringify({ query: "{ __typename }" }))).toEqual({ status: 200, body: { data: { __typename: "Query" } } });

describe("the nesting bound", () => {
  it("answers variables nested 5,000 levels deep (about 10 KB, undeclared) with 400 BAD_USER_INPUT naming variables", async () => {
    const body = `{"query":"{ __typename }","variables":{"x":${nestedLists(5_000)}}}`;
    expect(body.length).toBeLessThan(11_000);
    expect(await post(body)).toEqual({
      status: 400,
      body: { errors: [{ message: `variables: nests deeper than ${MAX_NESTING} levels`, extensions: { code: "BAD_USER_INPUT", field: "variables" } }] },
    });
    await stillAnswers();
  });

  it("refuses deep variables sent with GET", async () => {
    // 2,000 levels: 5,000 would not fit Node's 16 KB of request line and headers (that is a 431).
    const { status, body } = await get({ query: "{ __typename }", variables: `{"x":${nestedLists(2_000)}}` });
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "variables" });
  });

  it("refuses deep extensions too", async () => {
    const { status, body } = await post(`{"query":"{ __typename }","extensions":{"x":${nestedLists(5_000)}}}`);
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "extensions" });
  });

  it("accepts variables right at the bound", async () => {
    // The variables object is one level; x holds the other 63.
    expect((await post(`{"query":"{ __typename }","variables":{"x":${nestedLists(MAX_NESTING - 1)}}}`)).status).toBe(200);
    expect((await post(`{"query":"{ __typename }","variables":{"x":${nestedLists(MAX_NESTING)}}}`)).status).toBe(400);
  });

  it("answers query text nesting 5,000 brackets (selections, a list literal, a variable type) with 400 QUERY_TOO_COMPLEX", async () => {
    for (const query of [
      `{ ${"a { ".repeat(5_000)}b${" }".repeat(5_000)} }`,
      `{ brand(id: ${"[".repeat(5_000)}1${"]".repeat(5_000)}) { id } }`,
      `query ($v: ${"[".repeat(5_000)}Int${"]".repeat(5_000)}) { __typename }`,
    ]) {
      const { status, body } = await post(JSON.stringify({ query }));
      expect(status).toBe(400);
      expect(body.errors).toEqual([{ message: `The query nests brackets deeper than ${MAX_NESTING} levels`, extensions: { code: "QUERY_TOO_COMPLEX", field: "query" } }]);
    }
    await stillAnswers();
  });

  it("answers a chain of 1,000 fragments, each spreading the next, with 400 QUERY_TOO_COMPLEX", async () => {
    const fragments = Array.from({ length: 1_000 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join("\n");
    const { status, body } = await post(JSON.stringify({ query: `{ ...F0 }\n${fragments}\nfragment F1000 on Query { __typename }` }));
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/nests deeper than 64 levels/), extensions: { code: "QUERY_TOO_COMPLEX" } })]);
    await stillAnswers();
  });

  it("answers a chain of 20,000 fragments (over the token bound) with 400 GRAPHQL_PARSE_FAILED", async () => {
    const fragments = Array.from({ length: 20_000 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join("\n");
    const { status, body } = await post(JSON.stringify({ query: `{ ...F0 }\n${fragments}\nfragment F20000 on Query { __typename }` }));
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/10000 tokens/), extensions: { code: "GRAPHQL_PARSE_FAILED" } })]);
    await stillAnswers();
  });
});

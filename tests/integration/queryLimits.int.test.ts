// Each cost limit rejects an over-limit operation with QUERY_TOO_COMPLEX and HTTP 400 before any
// resolver runs; the limits come from configuration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

describe("query cost limits", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    const config = { queryLimits: { maxDepth: 4, maxAliases: 3, maxCost: 60 } };
    gateway = await startTestGateway(createTestDeps({ config }));
  });
  afterAll(() => gateway.close());

  const post = async (query: string) => {
    const res = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: await res.json() };
  };

  it("accepts an operation within every limit", async () => {
    expect(await post("{ health { postgres } }")).toEqual({ status: 200, body: { data: { health: { postgres: true } } } });
  });

  it("rejects an operation deeper than the maximum depth", async () => {
    const { status, body } = await post(`{ organization(id: "o") { brands { assets { edges { node { id } } } } } }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/depth limit of 4/), extensions: { code: "QUERY_TOO_COMPLEX" } })]);
    expect(body.data).toBeUndefined();
  });

  it("rejects more aliases than allowed", async () => {
    const { status, body } = await post(`{ a: health { postgres } b: health { postgres } c: health { postgres } d: health { postgres } }`);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/Aliases limit of 3/), extensions: { code: "QUERY_TOO_COMPLEX" } });
  });

  it("counts a bounded list left at its declared size (brands: 100) as 100 items, and a smaller first as asked", async () => {
    const { status, body } = await post(`{ organization(id: "o") { brands { id } } }`);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/cost limit of 60 exceeded, found 527/i), extensions: { code: "QUERY_TOO_COMPLEX" } });
    expect(await post(`{ organization(id: "o") { brands(first: 2) { id } } }`)).toEqual({ status: 200, body: { data: { organization: null } } });
  });

  it("rejects an operation whose estimated cost is over the maximum", async () => {
    const fields = "id name learningActive feedbackCount createdAt updatedAt colors { hex name usage usageWeight context }";
    const { status, body } = await post(`{ brand(id: "b") { ${fields} templates { id name description createdAt } } organization(id: "o") { id name brands { ${fields} } } }`);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/cost limit of 60/i), extensions: { code: "QUERY_TOO_COMPLEX" } });
  });
});

import { GraphQLError, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { checkedDocuments, type CheckedDocument } from "./checkedDocuments.ts";

function counting(budget: number) {
  const checks: string[] = [];
  const check = (query: string): CheckedDocument => {
    checks.push(query);
    return query.includes("bad") ? { errors: [new GraphQLError(`refused ${query}`)] } : { document: parse(query) };
  };
  return { checks, documents: checkedDocuments(check, budget) };
}

describe("checkedDocuments", () => {
  it("checks a text once and hands every caller the same document", () => {
    const { checks, documents } = counting(1_000);
    const first = documents("subscription { a }");
    expect(documents("subscription { a }")).toBe(first);
    expect(checks).toEqual(["subscription { a }"]);
  });

  it("keeps a refusal too: the same errors, checked once", () => {
    const { checks, documents } = counting(1_000);
    const refused = documents("subscription { bad }");
    expect(refused).toEqual({ errors: [expect.objectContaining({ message: "refused subscription { bad }" })] });
    expect(documents("subscription { bad }")).toBe(refused);
    expect(checks).toHaveLength(1);
  });

  it("forgets the least recently used texts beyond its budget of characters", () => {
    const [a, b, c] = ["{ aaaa }", "{ bbbb }", "{ cccc }"]; // 8 characters each
    const { checks, documents } = counting(16);
    documents(a);
    documents(b);
    documents(a); // a is now the most recently used
    documents(c); // over budget: b goes
    documents(a);
    documents(c);
    expect(checks).toEqual([a, b, c]);
    documents(b);
    expect(checks).toEqual([a, b, c, b]);
  });

  it("checks a text longer than the whole budget every time, keeping the others", () => {
    const { checks, documents } = counting(16);
    const long = `{ ${"x".repeat(20)} }`;
    documents("{ aaaa }");
    documents(long);
    documents(long);
    documents("{ aaaa }");
    expect(checks).toEqual(["{ aaaa }", long, long]);
  });
});

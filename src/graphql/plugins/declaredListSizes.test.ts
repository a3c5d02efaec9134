import { buildSchema, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { withDeclaredListSizes } from "./declaredListSizes.ts";

const schema = buildSchema(`
  type Query { organization: Organization }
  type Organization { brands(first: Int = 100): [Brand!]! pages(first: Int, after: String): [Brand!]! }
  type Brand { id: ID! templates(first: Int = 100): [Brand!]! }
`);
const sized = (query: string) => print(withDeclaredListSizes(schema, parse(query))).replace(/\s+/g, " ");

describe("withDeclaredListSizes", () => {
  it("writes a declared default size into every list that leaves it out, fragments included", () => {
    expect(sized(`{ organization { brands { ...B } } } fragment B on Brand { templates { id } }`)).toBe(
      "{ organization { brands(first: 100) { ...B } } } fragment B on Brand { templates(first: 100) { id } }",
    );
  });

  it("keeps a size the client wrote, as a literal or a variable", () => {
    expect(sized(`query ($n: Int) { organization { brands(first: 2) { templates(first: $n) { id } } } }`)).toBe(
      "query ($n: Int) { organization { brands(first: 2) { templates(first: $n) { id } } } }",
    );
  });

  it("leaves a size argument without a default alone", () => {
    expect(sized(`{ organization { pages { id } } }`)).toBe("{ organization { pages { id } } }");
  });
});

import { Kind, parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { asksOnlyBrandIdsOf } from "./brandIdsOnly.ts";

/** The top-level field of `{ <selection> }`, as a resolver's info.fieldNodes holds it. */
const fieldOf = (selection: string): FieldNode => {
  const operation = parse(`{ ${selection} }`).definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0]!;
  if (field.kind !== Kind.FIELD) throw new Error("not a field");
  return field;
};

describe("asksOnlyBrandIdsOf", () => {
  it.each([
    ["the id", "brands { brand { id } usageWeight }"],
    ["the id and __typename", "similarBrands { brand { __typename id } similarityScore }"],
    ["no brand at all", "brands { usage usageWeight }"],
  ])("is true when each row's brand is asked %s", (_what, selection) => {
    expect(asksOnlyBrandIdsOf([fieldOf(selection)])).toBe(true);
  });

  it.each([
    ["another brand field", "brands { brand { id name } }"],
    ["a fragment on the brand", "brands { brand { ...on Brand { id } } }"],
    ["a fragment on the row", "brands { ...on ColorOwner { usageWeight } }"],
  ])("is false when the selection has %s", (_what, selection) => {
    expect(asksOnlyBrandIdsOf([fieldOf(selection)])).toBe(false);
  });

  it("is false when any of several selections of the field asks more", () => {
    expect(asksOnlyBrandIdsOf([fieldOf("brands { brand { id } }"), fieldOf("brands { brand { name } }")])).toBe(false);
  });
});

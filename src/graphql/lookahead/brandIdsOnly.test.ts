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
    ["each row's brand asks the id", "brands { brand { id } usageWeight }", true],
    ["each row's brand asks the id and __typename", "similarBrands { brand { __typename id } similarityScore }", true],
    ["no row asks its brand", "brands { usage usageWeight }", true],
    ["a brand asks another field", "brands { brand { id name } }", false],
    ["a brand holds a fragment", "brands { brand { ...on Brand { id } } }", false],
    ["a row holds a fragment", "brands { ...on ColorOwner { usageWeight } }", false],
  ])("when %s: %s", (_when, selection, onlyIds) => {
    expect(asksOnlyBrandIdsOf([fieldOf(selection)])).toBe(onlyIds);
  });

  it("is false when any of several selections of the field asks more", () => {
    expect(asksOnlyBrandIdsOf([fieldOf("brands { brand { id } }"), fieldOf("brands { brand { name } }")])).toBe(false);
  });
});

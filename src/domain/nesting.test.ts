import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { documentNestsDeeper, jsonNestsDeeper, sourceNestsDeeper } from "./nesting.ts";

const nestedList = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe("jsonNestsDeeper", () => {
  it("counts arrays and objects, not scalars", () => {
    expect(jsonNestsDeeper({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(jsonNestsDeeper({ a: [{ b: [] }] }, 3)).toBe(true);
    expect(jsonNestsDeeper("text", 0)).toBe(false);
  });

  it("measures 100,000 levels without overflowing its own stack", () => {
    expect(jsonNestsDeeper(nestedList(100_000))).toBe(true);
    expect(jsonNestsDeeper(nestedList(64))).toBe(false);
  });
});

describe("sourceNestsDeeper", () => {
  it("counts brackets outside strings and comments", () => {
    expect(sourceNestsDeeper("{ a { b } }", 2)).toBe(false);
    expect(sourceNestsDeeper("{ a { b(x: [1]) } }", 3)).toBe(true);
    expect(sourceNestsDeeper('{ a(s: "{{{{[[[[") # ((((\n }', 2)).toBe(false);
    expect(sourceNestsDeeper('{ a(s: """ {{{ \\""" [[[ """) }', 2)).toBe(false);
  });

  it("reads a 100,000-level query text", () => {
    expect(sourceNestsDeeper("{ a".repeat(100_000))).toBe(true);
  });
});

describe("documentNestsDeeper", () => {
  it("follows fragment spreads: a chain of fragments nests like one long query", () => {
    const chain = (n: number) =>
      "{ ...F0 }\n" + Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join("\n") + `\nfragment F${n} on Query { b }`;
    expect(documentNestsDeeper(parse(chain(62)))).toBe(false);
    expect(documentNestsDeeper(parse(chain(63)))).toBe(true);
    expect(documentNestsDeeper(parse(chain(5_000)))).toBe(true);
  });

  it("counts fields, inline fragments and spreads as levels", () => {
    expect(documentNestsDeeper(parse("{ a { ... on A { b { ...F } } } } fragment F on B { c }"), 5)).toBe(false);
    expect(documentNestsDeeper(parse("{ a { ... on A { b { ...F } } } } fragment F on B { c }"), 4)).toBe(true);
  });

  it("measures a fragment spread many times over once (no exponential walk)", () => {
    const diamond = "{ ...F0 }\n" + Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join("\n") + "\nfragment F60 on Query { a }";
    expect(documentNestsDeeper(parse(diamond))).toBe(false);
  });

  it("treats a fragment cycle as too deep", () => {
    expect(documentNestsDeeper(parse("{ ...A } fragment A on Query { ...B } fragment B on Query { a { ...A } }"))).toBe(true);
  });

  it("lets an ordinary query through", () => {
    expect(documentNestsDeeper(parse("query { brands(first: 5) { edges { node { id ... on Brand { name } } } } }"))).toBe(false);
  });
});

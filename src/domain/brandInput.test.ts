import { describe, expect, it } from "vitest";
import { parseCreateBrandInput, parseUpdateBrandInput } from "./brandInput.ts";

describe("parseCreateBrandInput", () => {
  it("trims the name, defaults learningActive to false and normalises the palette", () => {
    expect(parseCreateBrandInput({ organizationId: "o", name: " Acme ", colors: [{ hex: "abc" }] })).toEqual({
      organizationId: "o",
      name: "Acme",
      learningActive: false,
      industry: null,
      colors: [{ hex: "#AABBCC", name: null, usage: null, usageWeight: null, context: null }],
    });
  });
});

describe("parseUpdateBrandInput", () => {
  it("tells an absent palette (keep it) from an empty one (clear it)", () => {
    expect(parseUpdateBrandInput({ name: "X" }).colors).toBeUndefined();
    expect(parseUpdateBrandInput({ colors: [] }).colors).toEqual([]);
  });

  it("refuses null for the palette and for learningActive", () => {
    for (const [input, field] of [
      [{ colors: null }, "input.colors"],
      [{ learningActive: null }, "input.learningActive"],
    ] as const) {
      expect(() => parseUpdateBrandInput(input)).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field } }));
    }
  });
});

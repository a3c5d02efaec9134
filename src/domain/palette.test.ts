import { describe, expect, it } from "vitest";
import { MAX_COLORS, parseAssetColors, parseBrandColors } from "./palette.ts";

describe("parseBrandColors", () => {
  it("normalises every hex and fills absent fields with null", () => {
    expect(parseBrandColors([{ hex: "0057b8", usageWeight: 0.6 }, { hex: "#fff", name: " White " }], "input.colors")).toEqual([
      { hex: "#0057B8", name: null, usage: null, usageWeight: 0.6, context: null },
      { hex: "#FFFFFF", name: "White", usage: null, usageWeight: null, context: null },
    ]);
  });

  it("refuses a hex that repeats after normalisation, naming the later one", () => {
    expect(() => parseBrandColors([{ hex: "#FFFFFF" }, { hex: "#000" }, { hex: "fff" }], "input.colors")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "input.colors[2].hex" } }),
    );
  });

  it("refuses more than MAX_COLORS colors, naming the list", () => {
    const colors = Array.from({ length: MAX_COLORS + 1 }, (_, i) => ({ hex: i.toString(16).padStart(6, "0") }));
    expect(parseBrandColors(colors.slice(1), "input.colors")).toHaveLength(MAX_COLORS);
    expect(() => parseBrandColors(colors, "input.colors")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "input.colors" } }),
    );
  });

  it("names the weight out of range by its index", () => {
    expect(() => parseBrandColors([{ hex: "#FFF" }, { hex: "#000", usageWeight: 2 }], "input.colors")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "input.colors[1].usageWeight" } }),
    );
  });
});

describe("parseAssetColors", () => {
  it("keeps coverage and refuses one outside [0, 1]", () => {
    expect(parseAssetColors([{ hex: "abc", coverage: 0.25 }], "input.colors")).toEqual([{ hex: "#AABBCC", coverage: 0.25 }]);
    expect(() => parseAssetColors([{ hex: "abc", coverage: -1 }], "input.colors")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "input.colors[0].coverage" } }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { INDUSTRIES, parseIndustry, parseOptionalIndustry } from "./industries.ts";

describe("the industry taxonomy (NAICS 2022 sectors)", () => {
  it("has the 20 sectors, each code once", () => {
    expect(INDUSTRIES).toHaveLength(20);
    expect(new Set(INDUSTRIES.map((i) => i.code)).size).toBe(20);
  });

  it("takes a sector code as NAICS writes it, and null as unknown", () => {
    expect(parseIndustry(" 31-33 ", "input.industry")).toBe("31-33");
    expect(parseOptionalIndustry(null, "input.industry")).toBeNull();
  });

  it("refuses anything else, naming the field", () => {
    for (const bad of ["31", "Manufacturing", "", "99", "3133"]) {
      expect(() => parseIndustry(bad, "input.industry")).toThrow(
        expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "input.industry" } }),
      );
    }
  });
});

import { describe, expect, it } from "vitest";
import { patternSize, trendWindow, yearMonth } from "./patternArgs.ts";

describe("the industry query arguments", () => {
  it("accepts a month as YYYY-MM and names the field of anything else", () => {
    expect(yearMonth("from", " 2026-03 ")).toBe("2026-03");
    for (const bad of ["2026-13", "2026-00", "2026-3", "26-03", "2026/03", ""]) {
      expect(() => yearMonth("from", bad)).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "from" } }));
    }
  });

  it("takes a window of 1 to 36 months and refuses one ending before it starts", () => {
    const fields = { from: "from", to: "to" };
    expect(trendWindow(fields, "2026-01", "2026-01")).toEqual({ from: "2026-01", to: "2026-01" });
    expect(trendWindow(fields, "2024-01", "2026-12")).toEqual({ from: "2024-01", to: "2026-12" });
    expect(() => trendWindow(fields, "2024-01", "2027-01")).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "to" } }));
    expect(() => trendWindow(fields, "2026-02", "2026-01")).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "to" } }));
  });

  it("takes only the allowed pattern sizes", () => {
    expect(patternSize("size", 2, [2, 3])).toBe(2);
    for (const bad of [1, 4, 2.5, "2", null]) {
      expect(() => patternSize("size", bad, [2, 3])).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "size" } }));
    }
  });
});

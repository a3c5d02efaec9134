import { describe, expect, it } from "vitest";
import { ifGiven, NAME_MAX_LENGTH, oneOf, optionalText, requireText, unitInterval } from "./fieldRules.ts";

const refusal = (field: string) => expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field } });

describe("requireText", () => {
  it("trims", () => expect(requireText("  Acme  ", "input.name")).toBe("Acme"));
  it("refuses blank text", () => expect(() => requireText("   ", "input.name")).toThrow(refusal("input.name")));
  it("accepts exactly the maximum length and refuses one more", () => {
    expect(requireText("x".repeat(NAME_MAX_LENGTH), "input.name")).toHaveLength(NAME_MAX_LENGTH);
    expect(() => requireText("x".repeat(NAME_MAX_LENGTH + 1), "input.name")).toThrow(refusal("input.name"));
  });
});

describe("optionalText", () => {
  it("keeps undefined and null apart, so an update can clear a column", () => {
    expect(optionalText(undefined, "f")).toBeUndefined();
    expect(optionalText(null, "f")).toBeNull();
  });
  it("turns blank text into null", () => expect(optionalText("  ", "f")).toBeNull());
  it("refuses text over the limit", () => expect(() => optionalText("abc", "input.reason", 2)).toThrow(refusal("input.reason")));
});

describe("unitInterval", () => {
  it.each([0, 0.5, 1])("accepts %d", (v) => expect(unitInterval(v, "w")).toBe(v));
  it.each([-0.01, 1.01, Number.NaN])("refuses %d", (v) => expect(() => unitInterval(v, "input.complianceScore")).toThrow(refusal("input.complianceScore")));
});

describe("oneOf", () => {
  it("matches case-insensitively and returns the canonical spelling", () => {
    expect(oneOf(" APPROVE ", ["approve", "reject"], "input.action")).toBe("approve");
  });
  it("refuses anything else", () => expect(() => oneOf("maybe", ["approve", "reject"], "input.action")).toThrow(refusal("input.action")));
});

describe("ifGiven", () => {
  it("leaves an absent field alone", () => expect(ifGiven(undefined, "input.name", requireText)).toBeUndefined());
  it("refuses null for a required column", () => expect(() => ifGiven(null, "input.name", requireText)).toThrow(refusal("input.name")));
  it("parses a given value", () => expect(ifGiven(" x ", "input.name", requireText)).toBe("x"));
});

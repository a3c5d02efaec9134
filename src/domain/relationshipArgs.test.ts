import { describe, expect, it } from "vitest";
import { GatewayError } from "../errors/codes.ts";
import { atLeastOne, boundedLimit, validHex } from "./relationshipArgs.ts";

const refusal = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return error instanceof GatewayError ? error.extensions : error;
  }
  throw new Error("expected a refusal");
};

describe("relationship arguments", () => {
  it("accepts thresholds from 1 and limits from 1 to 50", () => {
    expect([atLeastOne("minSamples", 1), atLeastOne("minSamples", 900)]).toEqual([1, 900]);
    expect([boundedLimit("limit", 1), boundedLimit("limit", 50)]).toEqual([1, 50]);
  });

  it.each([0, -1, 2.5, null, undefined])("refuses the threshold %s naming the argument", (value) => {
    expect(refusal(() => atLeastOne("min_samples", value))).toEqual({ code: "BAD_USER_INPUT", field: "min_samples" });
  });

  it.each([0, 51, 1.5, null])("refuses the limit %s naming the argument", (value) => {
    expect(refusal(() => boundedLimit("limit", value))).toEqual({ code: "BAD_USER_INPUT", field: "limit" });
  });

  it("normalises a hex or refuses it naming the argument", () => {
    expect(validHex("hex", "abc")).toBe("#AABBCC");
    expect(refusal(() => validHex("hex", "#abcd"))).toEqual({ code: "BAD_USER_INPUT", field: "hex" });
  });
});

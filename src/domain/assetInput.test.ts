import { describe, expect, it } from "vitest";
import { parseCreateAssetInput, parseUpdateAssetInput } from "./assetInput.ts";

describe("parseCreateAssetInput", () => {
  it("defaults the status to generated and the colors to none", () => {
    expect(parseCreateAssetInput({ brandId: "b", prompt: " A poster " })).toEqual({
      brandId: "b",
      prompt: "A poster",
      imageUrl: null,
      complianceScore: null,
      status: "generated",
      colors: [],
    });
  });

  it("spells a status in its canonical lower case", () => {
    expect(parseCreateAssetInput({ brandId: "b", prompt: "p", status: "In_Review" }).status).toBe("in_review");
  });
});

describe("parseUpdateAssetInput", () => {
  it("leaves absent fields undefined and clears nullable ones given as null", () => {
    expect(parseUpdateAssetInput({ imageUrl: null, complianceScore: null })).toEqual({
      prompt: undefined,
      imageUrl: null,
      complianceScore: null,
      status: undefined,
      colors: undefined,
    });
  });

  it("refuses null for the status, which every asset has", () => {
    expect(() => parseUpdateAssetInput({ status: null })).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "input.status" } }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { unstorableInValue } from "./rejectUnstorableStrings.ts";

describe("unstorableInValue", () => {
  it("names the path of the first string holding a NUL or an unpaired surrogate", () => {
    expect(unstorableInValue({ input: { colors: [{ hex: "#FFF" }, { hex: "#F\u0000F" }] } }, "")).toBe("input.colors[1].hex");
    expect(unstorableInValue({ id: "\ud800" }, "")).toBe("id");
  });

  it("is null when every string is storable, emoji included", () => {
    expect(unstorableInValue({ input: { name: "Brand 🎨 \\u0000", weight: 0.5, tags: [null, true] } }, "")).toBeNull();
  });
});

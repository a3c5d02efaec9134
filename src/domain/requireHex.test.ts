import { describe, expect, it } from "vitest";
import { requireHex } from "./requireHex.ts";

describe("requireHex", () => {
  it.each([
    ["#0057b8", "#0057B8"],
    ["0057B8", "#0057B8"],
    ["#fff", "#FFFFFF"],
    ["a1c", "#AA11CC"],
    ["  #AbCdEf ", "#ABCDEF"],
  ])("spells %s as %s", (given, stored) => {
    expect(requireHex(given, "hex")).toBe(stored);
  });

  it.each(["", "#", "#12", "#1234", "#12345", "#1234567", "#GGGGGG", "##FFF", "red"])(
    "refuses %j, naming the field",
    (given) => {
      expect(() => requireHex(given, "input.colors[2].hex")).toThrow(
        expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "input.colors[2].hex" } }),
      );
    },
  );
});

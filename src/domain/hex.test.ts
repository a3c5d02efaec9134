import { describe, expect, it } from "vitest";
import { normalizeHex } from "./hex.ts";

describe("normalizeHex", () => {
  it.each([
    ["#0057B8", "#0057B8"],
    ["0057b8", "#0057B8"],
    ["#0057b8", "#0057B8"],
    ["#abc", "#AABBCC"],
    ["fA0", "#FFAA00"],
    [" #123456 ", "#123456"],
  ])("reads %s as %s", (input, expected) => {
    expect(normalizeHex(input)).toBe(expected);
  });

  it.each(["", "#", "#12", "#1234", "#12345", "#1234567", "#GGGGGG", "##123456", "# 123456", "rgb(0,0,0)"])(
    "rejects %j",
    (input) => {
      expect(normalizeHex(input)).toBeNull();
    },
  );
});

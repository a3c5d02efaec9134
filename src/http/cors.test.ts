import { describe, expect, it } from "vitest";
import { originMatcher } from "./cors.ts";

describe("originMatcher", () => {
  const allows = originMatcher(["https://app.example.com", "http://localhost:*"]);

  it("admits a listed origin in any case, and localhost on any port or none", () => {
    expect(allows("https://App.Example.com")).toBe(true);
    expect(allows("http://localhost:5173")).toBe(true);
    expect(allows("http://localhost")).toBe(true);
  });

  it("refuses look-alikes: another scheme, port, suffix or subdomain", () => {
    for (const origin of ["http://app.example.com", "https://app.example.com:8443", "https://app.example.com.evil.io", "https://evil.app.example.com", "http://localhost.evil.io", "http://localhost:5173x", "null"]) {
      expect(allows(origin), origin).toBe(false);
    }
  });
});

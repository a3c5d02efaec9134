import { describe, expect, it } from "vitest";
import { retryDelay } from "./retryDelay.ts";

const settings = { retryBaseMs: 100, retryMaxMs: 1_000 };

describe("retryDelay", () => {
  it("doubles per attempt, between half and all of the ceiling", () => {
    expect(retryDelay(1, settings, () => 0)).toBe(50);
    expect(retryDelay(1, settings, () => 1)).toBe(100);
    expect(retryDelay(3, settings, () => 1)).toBe(400);
  });

  it("never exceeds the cap however many attempts failed", () => {
    expect(retryDelay(50, settings, () => 1)).toBe(1_000);
    expect(retryDelay(50, settings, () => 0)).toBe(500);
  });
});

import { describe, expect, it } from "vitest";
import { newId } from "./newId.ts";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newId", () => {
  it("is a UUIDv7 whose first 48 bits are the time in milliseconds", () => {
    const now = Date.UTC(2026, 11, 7, 16, 0, 0, 123);
    const id = newId(now);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(now);
  });

  it("rises within one millisecond and when the clock steps back, so ids keep creation order", () => {
    const now = Date.now() + 60_000;
    const ids = [newId(now), ...Array.from({ length: 10_000 }, () => newId(now)), newId(now - 5_000)];
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

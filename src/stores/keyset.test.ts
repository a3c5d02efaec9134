import { describe, expect, it } from "vitest";
import { keyset } from "./keyset.ts";

describe("keyset", () => {
  it("drops absent and null filter keys, since to Prisma null would mean IS NULL", () => {
    expect(keyset({ brandId: "b1", status: null, action: undefined }, { first: 10, afterId: null })).toEqual({
      where: { brandId: "b1" },
      orderBy: { id: "asc" },
      take: 11,
    });
  });

  it("starts after the cursor's id", () => {
    expect(keyset({}, { first: 2, afterId: "a9" }).where).toEqual({ id: { gt: "a9" } });
  });

  it("ANDs a tenancy scope in whole, so a filter key cannot widen it", () => {
    expect(keyset({ organizationId: "org-b" }, { first: 1, afterId: null }, { organizationId: "org-a" }).where).toEqual({
      organizationId: "org-b",
      AND: [{ organizationId: "org-a" }],
    });
  });
});

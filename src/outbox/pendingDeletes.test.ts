import { describe, expect, it } from "vitest";
import { PENDING_DELETES_LIMIT, RECENTLY_APPLIED_MS, pendingDeletesOf } from "./pendingDeletes.ts";

describe("pendingDeletesOf", () => {
  const ids = ["b1", "b2"];

  it("answers the ids read for a request whose graph reads the read still covers", () => {
    expect(pendingDeletesOf(ids, performance.now())).toEqual(new Set(ids));
  });

  it(`cannot tell for more than ${PENDING_DELETES_LIMIT} ids`, () => {
    const backlog = Array.from({ length: PENDING_DELETES_LIMIT + 1 }, (_, i) => `b${i}`);
    expect(pendingDeletesOf(backlog, performance.now())).toBeNull();
  });

  it(`cannot tell once the request began more than ${RECENTLY_APPLIED_MS} ms ago`, () => {
    expect(pendingDeletesOf(ids, performance.now() - RECENTLY_APPLIED_MS - 1)).toBeNull();
  });
});

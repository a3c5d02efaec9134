import { describe, expect, it } from "vitest";
import { capacity } from "./readGraphHealth.ts";

const freeTier = { nodeLimit: 200_000, relationshipLimit: 400_000 };

describe("graph capacity", () => {
  it("is ok below 80% of both limits", () => {
    expect(capacity({ node_count: 100_000, relationship_count: 40_000 }, freeTier)).toEqual({
      node_limit: 200_000,
      relationship_limit: 400_000,
      nodes_used_percent: 50,
      relationships_used_percent: 10,
      state: "ok",
    });
  });

  it("warns from 80% of either limit", () => {
    expect(capacity({ node_count: 1, relationship_count: 320_000 }, freeTier).state).toBe("warning");
    expect(capacity({ node_count: 159_999, relationship_count: 0 }, freeTier).state).toBe("ok");
    expect(capacity({ node_count: 160_000, relationship_count: 0 }, freeTier).state).toBe("warning");
  });

  it("reports a limit reached as exceeded", () => {
    expect(capacity({ node_count: 200_000, relationship_count: 0 }, freeTier).state).toBe("exceeded");
  });
});

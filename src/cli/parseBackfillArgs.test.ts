import { describe, expect, it } from "vitest";
import { parseBackfillArgs } from "./parseBackfillArgs.ts";

describe("parseBackfillArgs", () => {
  it("asks for the usage unless exactly one of --dry-run and --execute is given", () => {
    expect(parseBackfillArgs([], {})).toEqual({ kind: "usage", error: "give exactly one of --dry-run and --execute" });
    expect(parseBackfillArgs(["--dry-run", "--execute"], {}).kind).toBe("usage");
    expect(parseBackfillArgs(["--execute", "--batch-size", "ten"], {})).toEqual({ kind: "usage", error: "--batch-size must be an integer" });
  });

  it("reads the plan's flags, the gateway and the token from MOBIUS_TOKEN unless --token is given", () => {
    const parsed = parseBackfillArgs(["--execute", "--entities", "brand, asset", "--batch-size", "250"], { MOBIUS_TOKEN: "t0k" });
    expect(parsed).toEqual({
      kind: "run",
      args: {
        dryRun: false,
        reconcile: false,
        entities: ["brand", "asset"],
        batchSize: 250,
        window: 10,
        organizationIds: null,
        runId: null,
        url: "http://127.0.0.1:4000/graphql",
        token: "t0k",
      },
    });
    const explicit = parseBackfillArgs(["--dry-run", "--reconcile", "--token", "other", "--url", "http://gw/graphql"], { MOBIUS_TOKEN: "t0k" });
    expect(explicit.kind === "run" && [explicit.args.token, explicit.args.url, explicit.args.reconcile]).toEqual(["other", "http://gw/graphql", true]);
  });
});

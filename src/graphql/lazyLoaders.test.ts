import { describe, expect, it } from "vitest";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Postgres } from "../postgres/createPrisma.ts";
import { renewLoaders, withLazyLoaders } from "./lazyLoaders.ts";

// Building loaders only wires up batch functions; nothing here reaches a database.
const deps = { prisma: {}, sql: {}, graph: null } as unknown as Postgres & { graph: GraphConnection | null };
const scope = { organizationId: "org-1" } as never;

describe("withLazyLoaders", () => {
  it("builds the loaders on first read and serves the same ones after", () => {
    const context = withLazyLoaders({ requestId: "r" }, deps, scope);
    const { loaders, graphLoaders } = context;
    expect(loaders.brandById).toBeDefined();
    expect(context.loaders).toBe(loaders);
    expect(context.graphLoaders).toBe(graphLoaders);
  });

  it("builds new loaders after renewLoaders, so nothing cached before is served", () => {
    const context = withLazyLoaders({}, deps, scope);
    const before = context.loaders;
    renewLoaders(context);
    expect(context.loaders).not.toBe(before);
    expect(context.loaders).toBe(context.loaders);
  });

  it("copies like a plain property: a spread context reads the same loaders", () => {
    const context = withLazyLoaders({ requestId: "r" }, deps, scope);
    const copy = { ...context, extra: true };
    expect(copy.loaders).toBe(context.loaders);
    expect(copy.requestId).toBe("r");
  });
});

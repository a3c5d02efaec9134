import { describe, expect, it } from "vitest";
import type { GraphConnection } from "../graph/graphConnection.ts";
import type { Postgres } from "../postgres/createPrisma.ts";
import { renewLoaders, withLazyLoaders } from "./lazyLoaders.ts";

// Building loaders only wires up batch functions; nothing here reaches a database.
const deps = { prisma: {}, sql: {}, graph: null } as unknown as Postgres & { graph: GraphConnection | null };
const scope = { organizationId: "org-1" } as never;

describe("withLazyLoaders", () => {
  it("builds nothing until the loaders are read, then serves the same ones", () => {
    let builds = 0;
    // createLoaders takes the Postgres client from the deps once, when it builds.
    const counted = Object.defineProperty({ ...deps }, "sql", { get: () => (builds++, {}) });
    const context = withLazyLoaders({ requestId: "r" }, counted, scope);
    expect(builds).toBe(0);
    const { loaders, graphLoaders } = context;
    expect(builds).toBe(1);
    expect(loaders.brandById).toBeDefined();
    expect(context.loaders).toBe(loaders);
    expect(context.graphLoaders).toBe(graphLoaders);
    expect(builds).toBe(1);
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

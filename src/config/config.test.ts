import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected loadConfig to reject the environment");
}

const PRODUCTION = { NODE_ENV: "production", DATABASE_URL: "postgresql://db/app", NEO4J_URI: "neo4j+s://graph.example" };

describe("loadConfig", () => {
  it("applies the seed plan's defaults to an empty environment", () => {
    const config = loadConfig({});
    expect(config).toEqual({
      databaseUrl: undefined,
      neo4j: { uri: undefined, user: "neo4j", password: "", database: "neo4j" },
      graphSyncEnabled: true,
      graphCapacity: { nodeLimit: 200_000, relationshipLimit: 400_000 },
      graphSync: {
        waitForGraph: false,
        waitTimeoutMs: 2_000,
        pollIntervalMs: 500,
        retryBaseMs: 250,
        retryMaxMs: 60_000,
        batchSize: 200,
        coalesceMs: 80,
      },
      outboxRetention: { retentionSeconds: 604_800, batchSize: 500, intervalMs: 60_000 },
      port: 4000,
      host: "127.0.0.1",
      shutdownGraceMs: 25_000,
      logLevel: "info",
      production: false,
      auth: { key: null, issuer: undefined, audience: undefined },
      introspection: true,
      queryLimits: { maxDepth: 10, maxAliases: 15, maxCost: 250_000 },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads GRAPH_SYNC_ENABLED=false as the kill switch", () => {
    expect(loadConfig({ GRAPH_SYNC_ENABLED: "false" }).graphSyncEnabled).toBe(false);
  });

  it("reads the sync waiting and retry settings", () => {
    const config = loadConfig({ GRAPH_SYNC_WAIT: "true", GRAPH_SYNC_WAIT_TIMEOUT_MS: "750", GRAPH_SYNC_BATCH_SIZE: "50" });
    expect(config.graphSync).toMatchObject({ waitForGraph: true, waitTimeoutMs: 750, batchSize: 50 });
    expect(problemsOf({ GRAPH_SYNC_RETRY_MAX_MS: "soon" })[0]).toMatch(/^GRAPH_SYNC_RETRY_MAX_MS: expected a duration/);
  });

  it("accepts a coalescing window of 0 (off) but no negative one", () => {
    expect(loadConfig({ GRAPH_SYNC_COALESCE_MS: "0" }).graphSync.coalesceMs).toBe(0);
    expect(problemsOf({ GRAPH_SYNC_COALESCE_MS: "-5" })).toEqual(["GRAPH_SYNC_COALESCE_MS: expected at least 0 milliseconds"]);
    expect(problemsOf({ GRAPH_SYNC_RETRY_BASE_MS: "0" })).toEqual(["GRAPH_SYNC_RETRY_BASE_MS: expected at least 1 millisecond"]);
  });

  it("names each bad variable with what was expected", () => {
    const problems = problemsOf({ PORT: "eighty", LOG_LEVEL: "loud", GRAPH_SYNC_ENABLED: "maybe" });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith("PORT:"))).toMatch(/port number/);
    expect(problems.find((p) => p.startsWith("LOG_LEVEL:"))).toMatch(/expected one of fatal/);
    expect(problems.find((p) => p.startsWith("GRAPH_SYNC_ENABLED:"))).toMatch(/true or false/);
  });

  it("rejects a DATABASE_URL that is not a postgres URL without echoing it", () => {
    const [problem] = problemsOf({ DATABASE_URL: "mysql://root:hunter2@db/app" });
    expect(problem).toMatch(/^DATABASE_URL: expected a postgresql:\/\/ connection URL$/);
    expect(problem).not.toContain("hunter2");
  });

  it("refuses production without a database, a graph or a token key, one line each", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DATABASE_URL: production .* refuses to start/);
    expect(problems[1]).toMatch(/^NEO4J_URI: production .* refuses to start/);
    expect(problems[2]).toMatch(/^AUTH_JWT_SECRET: production .* refuses to start/);
  });

  it("turns introspection off in production", () => {
    const config = loadConfig({ ...PRODUCTION, AUTH_JWT_SECRET: "x".repeat(32) });
    expect(config.auth.key).toEqual({ kind: "secret", secret: "x".repeat(32) });
    expect(config.introspection).toBe(false);
  });

  it("reads the bind address and the shutdown grace period", () => {
    expect(loadConfig({ HOST: "0.0.0.0", SHUTDOWN_GRACE_MS: "5000" })).toMatchObject({ host: "0.0.0.0", shutdownGraceMs: 5000 });
    expect(problemsOf({ HOST: "not a host" })).toEqual(["HOST: expected an IP address or host name to bind to"]);
  });

  it("rejects a short HS256 secret", () => {
    expect(problemsOf({ AUTH_JWT_SECRET: "short" })[0]).toMatch(/^AUTH_JWT_SECRET: expected an HS256 secret/);
  });

  it("accepts Aura-style neo4j+s URIs and rejects http ones", () => {
    expect(loadConfig({ NEO4J_URI: "neo4j+s://abc.databases.neo4j.io" }).neo4j.uri).toBe(
      "neo4j+s://abc.databases.neo4j.io",
    );
    expect(problemsOf({ NEO4J_URI: "http://localhost:7474" })[0]).toMatch(/^NEO4J_URI:/);
  });
});

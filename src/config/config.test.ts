import { describe, expect, it } from "vitest";
import { defaultColorExtractionSettings } from "../pixels/colorExtractionSettings.ts";
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
      commonColorOwners: 1000,
      requestLimits: { postgresStatementMs: 15_000, graphReadMs: 10_000 },
      graphCapacity: { nodeLimit: 200_000, relationshipLimit: 400_000 },
      graphSync: {
        waitForGraph: false,
        waitTimeoutMs: 2_000,
        pollIntervalMs: 500,
        retryBaseMs: 250,
        retryMaxMs: 60_000,
        batchSize: 200,
        coalesceMs: 80,
        nice: 0,
      },
      patterns: { minOrganizations: 3, refreshIntervalMs: 60_000, limitPerIndustry: 200 },
      outboxRetention: { retentionSeconds: 604_800, batchSize: 500, intervalMs: 60_000 },
      subscriptionResumeWindowSeconds: 3600,
      subscriptionHeartbeatMs: 12_000,
      port: 4000,
      host: "127.0.0.1",
      shutdownGraceMs: 25_000,
      logLevel: "info",
      production: false,
      auth: { key: null, issuer: undefined, audience: undefined },
      introspection: true,
      queryLimits: { maxDepth: 10, maxAliases: 15, maxCost: 250_000 },
      cors: { allowedOrigins: ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"] },
      trustedDocuments: "allow-unknown",
      imageUpload: { maxBytes: 26_214_400, urlTtlSeconds: 300, signingSecret: undefined, maxDeltaE00: 5 },
      colorExtraction: defaultColorExtractionSettings,
      tracing: null,
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

  it("reads k of the pattern privacy rule, never below 2", () => {
    expect(loadConfig({ PATTERN_MIN_ORGANIZATIONS: "5" }).patterns.minOrganizations).toBe(5);
    expect(problemsOf({ PATTERN_MIN_ORGANIZATIONS: "1" })[0]).toMatch(/^PATTERN_MIN_ORGANIZATIONS: expected at least 2/);
    expect(problemsOf({ PATTERN_REFRESH_INTERVAL_MS: "10" })[0]).toMatch(/^PATTERN_REFRESH_INTERVAL_MS: expected at least 1000/);
  });

  it("reads the common-color mark, at least 2 brands", () => {
    expect(loadConfig({ COMMON_COLOR_OWNERS: "250" }).commonColorOwners).toBe(250);
    expect(problemsOf({ COMMON_COLOR_OWNERS: "1" })[0]).toMatch(/^COMMON_COLOR_OWNERS: expected at least 2 brands/);
    expect(problemsOf({ COMMON_COLOR_OWNERS: "many" })[0]).toMatch(/^COMMON_COLOR_OWNERS: expected a number of brands/);
  });

  it("accepts a coalescing window of 0 (off) but no negative one", () => {
    expect(loadConfig({ GRAPH_SYNC_COALESCE_MS: "0" }).graphSync.coalesceMs).toBe(0);
    expect(problemsOf({ GRAPH_SYNC_COALESCE_MS: "-5" })).toEqual(["GRAPH_SYNC_COALESCE_MS: expected at least 0 milliseconds"]);
    expect(problemsOf({ POSTGRES_STATEMENT_TIMEOUT_MS: "0" })).toEqual(["POSTGRES_STATEMENT_TIMEOUT_MS: expected at least 1 millisecond"]);
    expect(problemsOf({ GRAPH_READ_TIMEOUT_MS: "soon" })).toEqual(["GRAPH_READ_TIMEOUT_MS: expected a duration in milliseconds"]);
    expect(problemsOf({ GRAPH_SYNC_RETRY_BASE_MS: "0" })).toEqual(["GRAPH_SYNC_RETRY_BASE_MS: expected at least 1 millisecond"]);
  });

  it("reads the image upload limits and the snapping threshold, and names a bad one", () => {
    const config = loadConfig({ IMAGE_UPLOAD_MAX_BYTES: "1048576", IMAGE_UPLOAD_URL_TTL_SECONDS: "60", COLOR_SNAP_MAX_DELTA_E00: "3.5" });
    expect(config.imageUpload).toMatchObject({ maxBytes: 1_048_576, urlTtlSeconds: 60, maxDeltaE00: 3.5 });
    expect(problemsOf({ IMAGE_UPLOAD_MAX_BYTES: "10" })).toEqual(["IMAGE_UPLOAD_MAX_BYTES: expected from 1024 to 268435456 bytes"]);
    expect(problemsOf({ IMAGE_UPLOAD_MAX_BYTES: "big" })).toEqual(["IMAGE_UPLOAD_MAX_BYTES: expected a number of bytes"]);
    expect(problemsOf({ COLOR_SNAP_MAX_DELTA_E00: "-1" })).toEqual(["COLOR_SNAP_MAX_DELTA_E00: expected a CIEDE2000 difference from 0 to 50"]);
    expect(problemsOf({ IMAGE_UPLOAD_SIGNING_SECRET: "short" })).toEqual(["IMAGE_UPLOAD_SIGNING_SECRET: expected a secret of at least 32 characters"]);
  });

  it("reads the extraction processes, their nice value and time limit, and names a bad one", () => {
    const config = loadConfig({ EXTRACTION_PROCESSES: "3", EXTRACTION_NICE: "19", EXTRACTION_TIMEOUT_MS: "5000" });
    expect(config.colorExtraction).toEqual({ ...defaultColorExtractionSettings, processes: 3, nice: 19, timeoutMs: 5000 });
    expect(loadConfig({ EXTRACTION_NICE: "0" }).colorExtraction.nice).toBe(0);
    const niceRange = "expected a nice value from 0 (as the gateway) to 19 (only idle CPU)";
    expect(problemsOf({ EXTRACTION_NICE: "-5" })).toEqual([`EXTRACTION_NICE: ${niceRange}`]);
    expect(problemsOf({ EXTRACTION_NICE: "20" })).toEqual([`EXTRACTION_NICE: ${niceRange}`]);
    expect(problemsOf({ EXTRACTION_NICE: "low" })).toEqual([`EXTRACTION_NICE: ${niceRange}`]);
    expect(problemsOf({ EXTRACTION_PROCESSES: "0" })).toEqual(["EXTRACTION_PROCESSES: expected a number of processes from 1 to 64"]);
    expect(problemsOf({ EXTRACTION_TIMEOUT_MS: "10" })).toEqual(["EXTRACTION_TIMEOUT_MS: expected at least 100 milliseconds"]);
  });

  it("reads the graph sync thread's nice value, 0 unless set, and names a bad one", () => {
    expect(loadConfig({}).graphSync.nice).toBe(0);
    expect(loadConfig({ GRAPH_SYNC_NICE: "10" }).graphSync.nice).toBe(10);
    expect(loadConfig({ GRAPH_SYNC_NICE: "19" }).graphSync.nice).toBe(19);
    const niceRange = "expected a nice value from 0 (as the gateway) to 19 (only idle CPU)";
    expect(problemsOf({ GRAPH_SYNC_NICE: "-1" })).toEqual([`GRAPH_SYNC_NICE: ${niceRange}`]);
    expect(problemsOf({ GRAPH_SYNC_NICE: "high" })).toEqual([`GRAPH_SYNC_NICE: ${niceRange}`]);
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

  it("allows no other origin and only trusted documents in production unless told", () => {
    const productionEnv = { NODE_ENV: "production", AUTH_JWT_SECRET: "x".repeat(32), DATABASE_URL: "postgresql://db/mobius", NEO4J_URI: "neo4j://graph:7687" };
    const production = loadConfig(productionEnv);
    expect(production.cors).toBeNull();
    expect(production.trustedDocuments).toBe("only");
    const told = loadConfig({ ...productionEnv, CORS_ORIGINS: "https://App.example.com, http://localhost:*", TRUSTED_DOCUMENTS: "allow-unknown" });
    expect(told.cors).toEqual({ allowedOrigins: ["https://app.example.com", "http://localhost:*"] });
    expect(told.trustedDocuments).toBe("allow-unknown");
    expect(loadConfig({ CORS_ORIGINS: "none" }).cors).toBeNull();
  });

  it("refuses a wildcard, a path or a bad mode, naming the variable", () => {
    for (const value of ["*", "https://app.example.com/", "app.example.com", "https://a.example.com/path"]) {
      expect(problemsOf({ CORS_ORIGINS: value })[0]).toMatch(/^CORS_ORIGINS: expected none or comma-separated origins/);
    }
    expect(problemsOf({ TRUSTED_DOCUMENTS: "strict" })).toEqual(["TRUSTED_DOCUMENTS: expected one of only, allow-unknown, ignore"]);
  });
});

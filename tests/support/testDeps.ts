// The real dependencies a test builds the gateway from: the run's Postgres and Neo4j (see
// globalSetup), a silent logger, and the default configuration.
import type { Logger } from "pino";
import type { TokenVerifier } from "../../src/auth/tokenVerifier.ts";
import { inject } from "vitest";
import { loadConfig, type Config } from "../../src/config/config.ts";
import { createDriver } from "../../src/graph/createDriver.ts";
import { createServer, type Gateway } from "../../src/http/createServer.ts";
import type { GatewayDeps } from "../../src/http/deps.ts";
import { createLogger } from "../../src/observability/createLogger.ts";
import { createMetricsRegistry } from "../../src/observability/metricsRegistry.ts";
import { timeStatements } from "../../src/observability/timeStatements.ts";
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import { queueOnlySync } from "../../src/sync/graphSync.ts";

export interface TestDeps extends GatewayDeps {
  close(): Promise<void>;
}

export interface TestDepsOptions {
  readonly config?: Partial<Config>;
  readonly logger?: Logger;
  /** A Neo4j other than the run's (e.g. a dead port), or null for a gateway without a graph. */
  readonly neo4jUri?: string | null;
  /** Also called with every SQL statement, e.g. to count statements per request. */
  readonly onQuery?: (sql: string) => void;
  /** Turns authentication on with this verifier; off (unrestricted) by default. */
  readonly verifyToken?: TokenVerifier;
}

export function createTestDeps(options: TestDepsOptions = {}): TestDeps {
  const config = { ...loadConfig({ LOG_LEVEL: "silent" }), ...options.config };
  const metrics = createMetricsRegistry();
  const timeStatement = timeStatements(metrics);
  const prisma = createPrisma(inject("databaseUrl"), {
    maxConnections: 5,
    onQuery: (sql, durationMs) => {
      timeStatement(sql, durationMs);
      options.onQuery?.(sql);
    },
  });
  const neo4jUri = options.neo4jUri === undefined ? inject("neo4jUri") : options.neo4jUri;
  const driver = neo4jUri === null ? null : createDriver(neo4jUri, config.neo4j);
  return {
    config,
    prisma,
    graph: driver && { driver, database: config.neo4j.database },
    logger: options.logger ?? createLogger("silent"),
    sync: queueOnlySync,
    metrics,
    verifyToken: options.verifyToken ?? null,
    devToken: null,
    async close() {
      await prisma.$disconnect();
      await driver?.close();
    },
  };
}

export interface TestGateway {
  readonly url: string;
  readonly deps: TestDeps;
  /** POSTs a GraphQL operation to /graphql and returns the parsed JSON body. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

export async function startTestGateway(deps: TestDeps = createTestDeps()): Promise<TestGateway> {
  const gateway: Gateway = await createServer(deps);
  const url = await gateway.listen(0);
  return {
    url,
    deps,
    async graphql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    async close() {
      await gateway.close();
      await deps.close();
    },
  };
}

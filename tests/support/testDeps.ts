// The real dependencies a test builds the gateway from: the run's Postgres and Neo4j (see
// globalSetup), a silent logger, and the default configuration.
import { inject } from "vitest";
import { loadConfig, type Config } from "../../src/config/config.ts";
import { createDriver } from "../../src/graph/createDriver.ts";
import { createServer, type CreateServerOptions, type Gateway } from "../../src/http/createServer.ts";
import type { GatewayDeps } from "../../src/http/deps.ts";
import { createLogger } from "../../src/observability/createLogger.ts";
import { createPrisma } from "../../src/postgres/createPrisma.ts";
import { queueOnlySync } from "../../src/sync/graphSync.ts";

export interface TestDeps extends GatewayDeps {
  close(): Promise<void>;
}

export function createTestDeps(overrides: Partial<Config> = {}): TestDeps {
  const config = { ...loadConfig({ LOG_LEVEL: "silent" }), ...overrides };
  const prisma = createPrisma(inject("databaseUrl"), { maxConnections: 5 });
  const driver = createDriver(inject("neo4jUri"), config.neo4j);
  return {
    config,
    prisma,
    graph: { driver, database: config.neo4j.database },
    logger: createLogger("silent"),
    sync: queueOnlySync,
    async close() {
      await prisma.$disconnect();
      await driver.close();
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

export async function startTestGateway(deps: TestDeps = createTestDeps(), options: CreateServerOptions = {}): Promise<TestGateway> {
  const gateway: Gateway = await createServer(deps, options);
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

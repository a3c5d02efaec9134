// The real dependencies a test builds the gateway from: the run's Postgres and Neo4j (see
// globalSetup), a silent logger, the default configuration and the real graph sync. The drainer
// does not poll unless asked: tests share one outbox, and a polling drainer would apply events
// another test is deliberately keeping pending; a test that polls brings its own database.
import type { Logger } from "pino";
import type { TokenVerifier } from "../../src/auth/tokenVerifier.ts";
import { loadConfig, type Config } from "../../src/config/config.ts";
import { createDeps, type OwnedDeps } from "../../src/gateway/createDeps.ts";
import { createServer, type Gateway } from "../../src/http/createServer.ts";
import { createLogger } from "../../src/observability/createLogger.ts";
import { workerStack } from "./workerStack.ts";

export type TestDeps = OwnedDeps;

export interface TestDepsOptions {
  readonly config?: Partial<Config>;
  readonly logger?: Logger;
  /** Another Neo4j (e.g. bolt://127.0.0.1:1, one that does not answer), or null for no graph at all. */
  readonly neo4jUri?: string | null;
  /** Another database than the run's shared one (see isolatedDatabase.ts). */
  readonly databaseUrl?: string;
  /** Start the drainer's polling loop (retries, other processes' events). */
  readonly poll?: boolean;
  /** Also called with every SQL statement, e.g. to count statements per request. */
  readonly onQuery?: (sql: string) => void;
  /** Runs the drainer in its own thread, as the gateway process does (drainerThread.ts). */
  readonly drainerThread?: boolean;
  /** Turns authentication on with this verifier; off (unrestricted) by default. */
  readonly verifyToken?: TokenVerifier;
  /** With verifyToken: the development token GET /dev/token hands the pages. */
  readonly devToken?: () => Promise<string | null>;
}

export function createTestDeps(options: TestDepsOptions = {}): TestDeps {
  // Tests that wait for the graph mean it: a cold Neo4j may take seconds to plan a first statement.
  // The same holds for reads: the generated API's first depth-3 query took 7–13 s to plan while the
  // suite's other files loaded both cores, over the 10 s default. requestTimeLimits.int.test.ts
  // tests the limit itself with limits of its own.
  const config = { ...loadConfig({ LOG_LEVEL: "silent", GRAPH_SYNC_WAIT_TIMEOUT_MS: "20000", GRAPH_READ_TIMEOUT_MS: "60000" }), ...options.config };
  const { onQuery, verifyToken } = options;
  return createDeps({
    config,
    logger: options.logger ?? createLogger("silent"),
    databaseUrl: options.databaseUrl ?? workerStack().databaseUrl,
    maxConnections: 5,
    onQuery: onQuery && ((sql) => onQuery(sql)),
    neo4jUri: options.neo4jUri === undefined ? workerStack().neo4jUri : options.neo4jUri,
    sync: { poll: options.poll ?? false, thread: options.drainerThread ?? false },
    auth: verifyToken && (() => ({ verifyToken, devToken: options.devToken ?? null })),
  });
}

export interface TestGateway {
  readonly url: string;
  readonly deps: TestDeps;
  /** graphql-ws on /graphql (null where the deps have no change feed). */
  readonly subscriptions: Gateway["subscriptions"];
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
    subscriptions: gateway.subscriptions,
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

// Bounded work per request: a Postgres statement or a graph read that runs past its limit is
// cancelled on the database itself, and the caller gets QUERY_TIMEOUT (503 over REST), never a 500.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { GatewayError } from "../../src/errors/codes.ts";
import { createDriver, type Driver } from "../../src/graph/createDriver.ts";
import { runGraphQuery } from "../../src/graph/runGraphQuery.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { eventually } from "../support/outbox.ts";
import { tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const LIMIT_MS = 300;
const ORGANIZATION = "019abcde-0000-7000-8000-0000000000aa";

describe("a Postgres statement of a request", () => {
  let gateway: TestGateway;
  let locker: pg.Client;
  let observer: pg.Client;
  beforeAll(async () => {
    const databaseUrl = await createIsolatedDatabase("time_limits");
    const defaults = loadConfig({ LOG_LEVEL: "silent" });
    gateway = await startTestGateway(
      createTestDeps({ databaseUrl, verifyToken: tenancyVerifier(), config: { requestLimits: { ...defaults.requestLimits, postgresStatementMs: LIMIT_MS } } }),
    );
    locker = new pg.Client({ connectionString: databaseUrl });
    observer = new pg.Client({ connectionString: databaseUrl });
    await Promise.all([locker.connect(), observer.connect()]);
  });
  afterAll(async () => {
    await locker?.end();
    await observer?.end();
    await gateway?.close();
  });

  // Another session holds the brands table, so the request's read waits on the lock until its
  // statement_timeout ends it: a slow statement made deterministic.
  async function whileBrandsLocked<T>(work: () => Promise<T>): Promise<T> {
    await locker.query("BEGIN; LOCK TABLE brands IN ACCESS EXCLUSIVE MODE");
    try {
      return await work();
    } finally {
      await locker.query("ROLLBACK");
    }
  }

  const waitingOnBrands = async () =>
    (
      await observer.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock' AND query ILIKE '%brands%'",
      )
    ).rows[0].n as number;

  it("is cut at its limit over GraphQL: QUERY_TIMEOUT, and nothing left running", async () => {
    const started = Date.now();
    const reply = await whileBrandsLocked(async () => {
      const answer = await gateway.graphql("{ brands(first: 5) { edges { node { id } } } }", {}, await tenancyHeaders("viewer", ORGANIZATION));
      // Checked while the lock is still held: a statement left running would still be waiting on it.
      expect(await waitingOnBrands()).toBe(0);
      return answer;
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(reply.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(["QUERY_TIMEOUT"]);
  });

  it("is cut at its limit over REST: 503 with QUERY_TIMEOUT", async () => {
    const res = await whileBrandsLocked(async () => {
      const answer = await fetch(`${gateway.url}/v1/brands/019abcde-0000-7000-8000-000000000001/similar`, { headers: await tenancyHeaders("viewer", ORGANIZATION) });
      expect(await waitingOnBrands()).toBe(0);
      return answer;
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toBe("QUERY_TIMEOUT");
  });
});

describe("a graph read of a request", () => {
  let driver: Driver;
  beforeAll(() => {
    driver = createDriver(inject("neo4jUri"), loadConfig({}).neo4j);
  });
  afterAll(() => driver?.close());

  it("is ended by Neo4j at its limit: QUERY_TIMEOUT, and the transaction is gone", async () => {
    const marker = `time_limit_${Date.now()}`;
    const heavy = { name: "heavy", text: `UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS ${marker}` };
    const graph = { driver, database: "neo4j", readTimeoutMs: LIMIT_MS };
    const error = await runGraphQuery(graph, heavy as never, {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("QUERY_TIMEOUT");
    const running = async () =>
      (await driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery", {}, { database: "neo4j" })).records
        .map((r) => String(r.get("currentQuery")))
        .filter((q) => q.includes(marker) && !q.includes("SHOW TRANSACTIONS"));
    await eventually(running, (queries) => queries.length === 0, 5_000);
  });
});

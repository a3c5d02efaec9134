// Bounded work per request: a Postgres statement or a graph read that runs past its limit is
// cancelled on the database itself, and the caller gets QUERY_TIMEOUT (503 over REST), never a 500.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { GatewayError } from "../../src/errors/codes.ts";
import { createDriver, type Driver } from "../../src/graph/createDriver.ts";
import { runGraphQuery } from "../../src/graph/runGraphQuery.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { removeGraphSlice } from "../support/removeGraphSlice.ts";
import { eventually } from "../support/outbox.ts";
import { tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { workerStack } from "../support/workerStack.ts";

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
    driver = createDriver(workerStack().neo4jUri, loadConfig({}).neo4j);
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

describe("a generated graph* query of a request", () => {
  // One organization's slice where every brand owns every color: each level of brands → colors →
  // brands multiplies the rows by SIZE, so the nested query below asks for SIZE^5 (24 million) rows,
  // far more than Neo4j produces within the limit. Written straight into the graph (the generated
  // API reads nothing else), under ids and hexes of this test alone.
  const SIZE = 30;
  // Long enough for the query's planning on a loaded machine, so what the limit cuts is its run.
  const GRAPH_LIMIT_MS = 1_500;
  const NESTED = `query Nested { graphBrands { brandId colors { hex ownedBy { brandId colors { hex ownedBy { brandId name } } } } } }`;
  const organizationId = randomUUID();
  const brandIds = Array.from({ length: SIZE }, () => randomUUID());
  const hexes = Array.from({ length: SIZE }, () => `#${randomUUID().replace(/-/g, "").slice(0, 6).toUpperCase()}`);
  let gateway: TestGateway;
  let driver: Driver;
  beforeAll(async () => {
    const defaults = loadConfig({ LOG_LEVEL: "silent" });
    gateway = await startTestGateway(
      createTestDeps({ verifyToken: tenancyVerifier(), config: { requestLimits: { ...defaults.requestLimits, graphReadMs: GRAPH_LIMIT_MS } } }),
    );
    driver = gateway.deps.graph!.driver;
    await driver.executeQuery(
      `UNWIND $hexes AS hex MERGE (:Color {hex: hex})
       WITH collect(hex) AS hexes
       UNWIND $brandIds AS id
       CREATE (b:Brand {brand_id: id, organization_id: $organizationId, name: 'Slow slice ' + id})
       WITH b, hexes UNWIND hexes AS hex MATCH (c:Color {hex: hex})
       CREATE (b)-[:OWNS_COLOR {usage: 'primary', usage_weight: 0.5}]->(c)`,
      { hexes, brandIds, organizationId },
      { database: "neo4j" },
    );
  });
  afterAll(async () => {
    if (driver) await removeGraphSlice(driver, "neo4j", { brands: brandIds, hexes });
    await gateway?.close();
  });

  const asOrganization = async (id: string) => gateway.graphql(NESTED, {}, await tenancyHeaders("viewer", id));

  it("is ended by Neo4j at GRAPH_READ_TIMEOUT_MS: QUERY_TIMEOUT for that field, and the transaction is gone", async () => {
    // The same statement for an organization with no brands answers in time, and leaves its plan
    // cached: the heavy run below is cut while it runs, not while Neo4j plans it.
    // Planning the generated statement took longer than the limit while the whole suite loaded both
    // cores: attempts cut while Neo4j plans are retried until the plan is cached.
    await eventually(() => asOrganization(randomUUID()), (reply) => reply.errors === undefined, 120_000);
    expect(await asOrganization(randomUUID())).toEqual({ data: { graphBrands: [] } });

    const reply = await asOrganization(organizationId);
    expect(reply.errors?.map((e: { extensions: { code: string }; path: string[] }) => [e.extensions.code, e.path])).toEqual([["QUERY_TIMEOUT", ["graphBrands"]]]);
    expect(reply.data).toEqual({ graphBrands: null });
    // The generated statement carried the caller's organization as a parameter (the tenant rule's jwt):
    // no transaction of it may be left running on the database.
    const running = async () =>
      (await driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery, parameters RETURN currentQuery, parameters", {}, { database: "neo4j" })).records.filter(
        (r) => JSON.stringify(r.get("parameters")).includes(organizationId) && !String(r.get("currentQuery")).includes("SHOW TRANSACTIONS"),
      ).length;
    await eventually(running, (count) => count === 0, 5_000);
  }, 180_000);
});

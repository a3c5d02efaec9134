// Postgres may drop a connection the pool holds idle: a restart, a managed database's failover, an
// operator's pg_terminate_backend, a pooler's idle timeout. The gateway logs it and keeps serving.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturedLogger } from "../support/capturedLogger.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

describe("a Postgres connection dropped while idle", () => {
  let databaseUrl: string;
  let gateway: TestGateway;
  const { logger, lines } = capturedLogger();
  const warnings = () => lines().filter((line) => line.level === 40).map((line) => String(line.msg));

  beforeAll(async () => {
    databaseUrl = await createIsolatedDatabase("connection_lost");
    gateway = await startTestGateway(createTestDeps({ databaseUrl, logger }));
  });
  afterAll(() => gateway?.close());

  it("is logged and replaced, and the next request is answered", async () => {
    // Fill the pool with a few connections that then sit idle.
    const first = await Promise.all(Array.from({ length: 4 }, () => gateway.graphql(`{ organizations(first: 1) { edges { node { id } } } }`)));
    expect(first.every((r) => r.errors === undefined)).toBe(true);

    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    await expect.poll(() => warnings().filter((w) => w.includes("Postgres connection was lost")).length).toBeGreaterThan(0);

    const after = await gateway.graphql(`{ organizations(first: 1) { edges { node { id } } } }`);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual({ organizations: { edges: expect.any(Array) } });
  });
});

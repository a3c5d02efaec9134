// The plain-SQL transaction the drainer runs its passes in (createPrisma.ts): commit, rollback,
// Prisma-compatible values, Postgres ending a transaction left idle with its locks, and the
// statement limit of background work against a request's.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKGROUND_STATEMENT_TIMEOUT_MS } from "../../src/postgres/createPrisma.ts";
import { unique } from "../support/crudFactory.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";

const LONG = { idleTimeoutMs: 60_000 };

describe("sql.transaction", () => {
  let deps: TestDeps;
  beforeAll(() => {
    deps = createTestDeps();
  });
  afterAll(() => deps.close());

  const organizationNamed = (name: string) => deps.prisma.organization.findMany({ where: { name } });

  it("commits what the work wrote and answers its result, int8 as bigint like Prisma", async () => {
    const name = unique("Plain SQL");
    const result = await deps.sql.transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO organizations (id, name) VALUES (${randomUUID()}, ${name})`;
      return tx.$queryRaw<{ n: bigint; names: string[] }[]>`SELECT 7::int8 AS n, ARRAY[${name}::text] AS names`;
    }, LONG);
    expect(result).toEqual([{ n: 7n, names: [name] }]);
    expect(await organizationNamed(name)).toHaveLength(1);
  });

  it("rolls back everything when the work throws, and rethrows", async () => {
    const name = unique("Rolled back");
    const failing = deps.sql.transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO organizations (id, name) VALUES (${randomUUID()}, ${name})`;
      throw new Error("after the write");
    }, LONG);
    await expect(failing).rejects.toThrow("after the write");
    expect(await organizationNamed(name)).toEqual([]);
  });

  it("prepares a statement once per connection, then only binds it to each pass's values", async () => {
    const runs = [];
    for (const value of [1, 2, 3]) {
      runs.push(
        await deps.sql.transaction(async (tx) => {
          const [row] = await tx.$queryRaw<{ pid: number; doubled: number }[]>`/* preparedOnce */ SELECT pg_backend_pid() AS pid, ${value}::int * 2 AS doubled`;
          const prepared = await tx.$queryRaw<{ name: string; prepared: Date }[]>`
            SELECT name, prepare_time AS prepared FROM pg_prepared_statements WHERE statement LIKE '/* preparedOnce */%'`;
          return { ...row!, prepared };
        }, LONG),
      );
    }
    expect(runs.map((r) => r.doubled)).toEqual([2, 4, 6]);
    // One idle connection, reused: the same session each time, holding the one statement it prepared first.
    expect(new Set(runs.map((r) => r.pid)).size).toBe(1);
    for (const { prepared } of runs) expect(prepared).toEqual(runs[0]!.prepared);
    expect(runs[0]!.prepared).toHaveLength(1);
    expect(runs[0]!.prepared[0]!.name).toMatch(/^mobius_/);
  });

  it("lets background work run statements up to the background limit, while a request's write keeps the pool's", async () => {
    const LIMIT = "SELECT setting::int AS ms FROM pg_settings WHERE name = 'statement_timeout'";
    const limitOf = (forRequest: boolean) =>
      deps.sql.transaction(async (tx) => (await tx.$queryRaw<{ ms: number }[]>`SELECT setting::int AS ms FROM pg_settings WHERE name = 'statement_timeout'`)[0]!.ms, {
        ...LONG,
        forRequest,
      });
    const [pool] = await deps.sql.rows<{ ms: number }>(LIMIT, []);
    expect(pool!.ms).toBe(deps.config.requestLimits.postgresStatementMs);
    expect(await limitOf(true)).toBe(pool!.ms);
    expect(await limitOf(false)).toBe(BACKGROUND_STATEMENT_TIMEOUT_MS);
  });

  it("loses a transaction idle past the timeout: its write and its locks are gone, the pool still works", async () => {
    const name = unique("Idle");
    const lockKey = Math.floor(Math.random() * 1e9);
    const stuck = deps.sql.transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO organizations (id, name) VALUES (${randomUUID()}, ${name})`;
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${lockKey}::int8)`;
      await sleep(1_000);
      return "committed";
    }, { idleTimeoutMs: 200 });
    await expect(stuck).rejects.toThrow();
    expect(await organizationNamed(name)).toEqual([]);
    const relocked = await deps.sql.transaction(
      (tx) => tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${lockKey}::int8) AS locked`,
      LONG,
    );
    expect(relocked).toEqual([{ locked: true }]);
  });
});

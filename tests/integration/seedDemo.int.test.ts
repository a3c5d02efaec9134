import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANIZATIONS } from "../../src/demo/demoData.ts";
import { seedDemo, seedDemoIfEmpty } from "../../src/demo/seedDemo.ts";
import { createPostgres, type PrismaClient, type Sql } from "../../src/postgres/createPrisma.ts";
import { migrateDatabase } from "../../src/postgres/migrate.ts";
import { queueOnlySync } from "../../src/outbox/graphSync.ts";
import { syncEventsFor } from "../support/crudFactory.ts";
import { createTestDeps, type TestDeps } from "../support/testDeps.ts";
import { workerStack } from "../support/workerStack.ts";

describe("the demo data set", () => {
  let deps: TestDeps;
  beforeAll(() => {
    deps = createTestDeps();
  });
  afterAll(() => deps.close());

  /** One copy of the demo set as plain content (no ids or times), found by its organizations' ids. */
  async function contentOf(organizationIds: string[]) {
    const organizations = await deps.prisma.organization.findMany({
      where: { id: { in: organizationIds } },
      orderBy: { id: "asc" },
      include: {
        brands: {
          orderBy: { id: "asc" },
          include: {
            colors: { orderBy: { hex: "asc" } },
            templates: { include: { sourceAsset: { select: { prompt: true } } } },
            assets: { orderBy: { id: "asc" }, include: { colors: { orderBy: { hex: "asc" } }, feedback: true } },
          },
        },
      },
    });
    return organizations.map((o) => ({
      name: o.name,
      brands: o.brands.map((b) => ({
        name: b.name,
        feedbackCount: b.feedbackCount,
        colors: b.colors.map(({ hex, name, usage, usageWeight }) => ({ hex, name, usage, usageWeight })),
        templates: b.templates.map((t) => ({ name: t.name, basedOn: t.sourceAsset?.prompt ?? null })),
        assets: b.assets.map((a) => ({
          prompt: a.prompt,
          status: a.status,
          complianceScore: a.complianceScore,
          colors: a.colors.map(({ hex, coverage }) => ({ hex, coverage })),
          feedback: a.feedback.map((f) => f.action),
        })),
      })),
    }));
  }

  const seededOrganizationIds = async (since: Date) =>
    (await deps.prisma.organization.findMany({ where: { createdAt: { gte: since }, name: { in: DEMO_ORGANIZATIONS.map((o) => o.name) } }, select: { id: true } })).map(
      (o) => o.id,
    );

  it("writes a realistic, deterministic set through the stores, recording its entities in the outbox", async () => {
    const firstStart = new Date(Date.now() - 1000);
    const summary = await seedDemo(deps);
    expect(summary).toEqual({ organizations: 4, brands: 10, assets: 30, feedback: 30, templates: 10 });
    const firstIds = await seededOrganizationIds(firstStart);
    const first = await contentOf(firstIds);
    expect(first.map((o) => o.name)).toEqual(DEMO_ORGANIZATIONS.map((o) => o.name));

    const brands = first.flatMap((o) => o.brands.map((b) => ({ org: o.name, hexes: b.colors.map((c) => c.hex) })));
    const overlapsAcrossOrganizations = brands.some((a) =>
      brands.some((b) => a.org !== b.org && a.hexes.filter((h) => b.hexes.includes(h)).length >= 3),
    );
    expect(overlapsAcrossOrganizations).toBe(true);
    const assets = first.flatMap((o) => o.brands.flatMap((b) => b.assets));
    expect(assets.every((a) => a.colors.length >= 3 && a.colors.length <= 5)).toBe(true);
    expect(new Set(assets.flatMap((a) => a.feedback))).toEqual(new Set(["approve", "reject"]));

    const secondStart = new Date();
    await seedDemo(deps);
    const secondIds = (await seededOrganizationIds(secondStart)).filter((id) => !firstIds.includes(id));
    expect(await contentOf(secondIds)).toEqual(first);

    const brandRows = await deps.prisma.brand.findMany({ where: { organizationId: { in: firstIds } }, select: { id: true } });
    const events = await syncEventsFor(deps, [...firstIds, ...brandRows.map((b) => b.id)]);
    expect(events.filter((e) => e.startsWith("organization:upsert"))).toHaveLength(4);
    expect(new Set(events.filter((e) => e.startsWith("brand:upsert")))).toHaveLength(10);
  });

  it("leaves a database that already has organizations alone when seeding only if empty", async () => {
    await seedDemo(deps);
    expect(await seedDemoIfEmpty(deps)).toBeNull();
  });
});

describe("seeding on start-up", () => {
  // Needs a database with no organization at all, which the shared test database never is:
  // a scratch database of its own on the same server, dropped afterwards.
  const serverUrl = new URL(workerStack().databaseUrl);
  const scratchName = `${serverUrl.pathname.slice(1)}_seed_${randomUUID().slice(0, 8)}`;
  let scratchUrl: string;
  let prisma: PrismaClient;
  let sql: Sql;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: new URL("/postgres", serverUrl).toString() });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${pg.escapeIdentifier(scratchName)}`);
    scratchUrl = new URL(`/${scratchName}`, serverUrl).toString();
    await migrateDatabase(scratchUrl);
    ({ prisma, sql } = createPostgres(scratchUrl, { maxConnections: 2 }));
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(scratchName)} WITH (FORCE)`);
  });

  it("seeds an empty database once, even when two processes start together", async () => {
    const deps = { sql, sync: queueOnlySync };
    const [a, b] = await Promise.all([seedDemoIfEmpty(deps), seedDemoIfEmpty(deps)]);
    expect([a, b].filter((s) => s !== null)).toEqual([{ organizations: 4, brands: 10, assets: 30, feedback: 30, templates: 10 }]);
    expect(await prisma.organization.count()).toBe(4);
    expect(await prisma.syncEvent.count({ where: { entityType: "feedback" } })).toBe(30);
  });
});

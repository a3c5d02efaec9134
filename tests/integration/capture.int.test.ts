// Change data capture: writes made with plain SQL on a connection of their own, as psql, a
// data-fixing migration or another service makes them, record their outbox events through the
// capture triggers and reach the graph, which then equals Postgres. Each test writes its own
// organization with random ids, so the shared database and graph hold nothing it reads but its own.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedGraphSlice, readGraphSlice } from "../support/graphSlice.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { drainUntilApplied, eventually } from "../support/outbox.ts";
import { newScope, uniqueHex, type TestScope } from "../support/syncedWrites.ts";
import { createTestDeps, startTestGateway, type TestDeps } from "../support/testDeps.ts";
import { runFor } from "../support/unsyncedData.ts";
import { workerStack } from "../support/workerStack.ts";

let deps: TestDeps;
let psql: pg.Client;
beforeAll(async () => {
  deps = createTestDeps();
  psql = new pg.Client({ connectionString: workerStack().databaseUrl, application_name: "psql" });
  await psql.connect();
});
afterAll(async () => {
  await psql.end();
  await deps.close();
});

interface RecordedEvent {
  entity_type: string;
  entity_id: string;
  operation: string;
  organization_id: string | null;
}

/** The outbox events recorded for these entities, oldest first. */
async function eventsOf(ids: readonly string[]): Promise<(RecordedEvent & { id: string })[]> {
  const { rows } = await psql.query(
    "SELECT id::text, entity_type, entity_id, operation, organization_id FROM sync_events WHERE entity_id = ANY($1::text[]) ORDER BY id",
    [ids],
  );
  return rows;
}

/** Every entity of the scope (and the organizations), each event of theirs applied by the drainer. */
async function drainScope(scope: TestScope, organizationIds: readonly string[]): Promise<void> {
  const ids = [...organizationIds, ...scope.brands, ...scope.assets, ...scope.feedback, ...scope.templates];
  await drainUntilApplied(deps.sync.drainer!, deps.prisma, (await eventsOf(ids)).map((e) => BigInt(e.id)));
}

const graphEqualsPostgres = async (scope: TestScope) =>
  expect(await readGraphSlice(deps.graph!, scope)).toEqual(await expectedGraphSlice(deps.prisma, scope));

/** An organization with one brand (two palette colors), an asset (one color) with feedback, and a template on it. */
async function insertOrganization(scope: TestScope) {
  const ids = { organization: randomUUID(), brand: randomUUID(), asset: randomUUID(), feedback: randomUUID(), template: randomUUID() };
  const [red, blue] = [uniqueHex(scope), uniqueHex(scope)];
  await psql.query("INSERT INTO organizations (id, name, updated_at) VALUES ($1, 'Typed in psql', now())", [ids.organization]);
  await psql.query("INSERT INTO brands (id, organization_id, name, updated_at) VALUES ($1, $2, 'Acme', now())", [ids.brand, ids.organization]);
  await psql.query("INSERT INTO brand_colors (brand_id, hex, name, usage_weight) VALUES ($1, $2, 'Red', 0.7), ($1, $3, 'Blue', 0.3)", [ids.brand, red, blue]);
  await psql.query("INSERT INTO assets (id, brand_id, prompt, status, updated_at) VALUES ($1, $2, 'a poster', 'approved', now())", [ids.asset, ids.brand]);
  await psql.query("INSERT INTO asset_colors (asset_id, hex, coverage) VALUES ($1, $2, 0.6)", [ids.asset, red]);
  await psql.query("INSERT INTO feedback (id, asset_id, brand_id, action) VALUES ($1, $2, $3, 'approve')", [ids.feedback, ids.asset, ids.brand]);
  await psql.query("INSERT INTO templates (id, brand_id, name, source_asset_id, updated_at) VALUES ($1, $2, 'Poster', $3, now())", [ids.template, ids.brand, ids.asset]);
  scope.brands.add(ids.brand);
  scope.assets.add(ids.asset);
  scope.feedback.add(ids.feedback);
  scope.templates.add(ids.template);
  return { ...ids, red, blue };
}

describe("capture by triggers", () => {
  it("records inserts made with plain SQL, each with its organization, and the graph equals Postgres", async () => {
    const scope = newScope();
    const ids = await insertOrganization(scope);

    const events = await eventsOf([ids.organization, ids.brand, ids.asset, ids.feedback, ids.template]);
    // One event per entity per statement: the palette and the asset's colors record their parent's.
    expect(events.map((e) => [e.entity_type, e.operation])).toEqual([
      ["organization", "upsert"],
      ["brand", "upsert"],
      ["brand", "upsert"],
      ["asset", "upsert"],
      ["asset", "upsert"],
      ["feedback", "upsert"],
      ["template", "upsert"],
    ]);
    expect(new Set(events.map((e) => e.organization_id))).toEqual(new Set([ids.organization]));
    await drainScope(scope, [ids.organization]);
    await graphEqualsPostgres(scope);
  });

  it("records updates and deletes made with plain SQL, and the graph follows them", async () => {
    const scope = newScope();
    const ids = await insertOrganization(scope);
    await drainScope(scope, [ids.organization]);

    await psql.query("UPDATE brands SET name = 'Acme renamed', learning_active = true WHERE id = $1", [ids.brand]);
    await psql.query("UPDATE brand_colors SET usage = 'accent' WHERE brand_id = $1 AND hex = $2", [ids.brand, ids.blue]);
    await psql.query("UPDATE asset_colors SET coverage = 0.9 WHERE asset_id = $1", [ids.asset]);
    await psql.query("UPDATE feedback SET reason = 'on brand' WHERE id = $1", [ids.feedback]);
    await drainScope(scope, [ids.organization]);
    await graphEqualsPostgres(scope);
    expect((await readGraphSlice(deps.graph!, scope)).brands).toEqual([expect.objectContaining({ name: "Acme renamed", learning_active: true })]);

    await psql.query("DELETE FROM brand_colors WHERE brand_id = $1 AND hex = $2", [ids.brand, ids.blue]);
    await psql.query("DELETE FROM feedback WHERE id = $1", [ids.feedback]);
    await psql.query("DELETE FROM templates WHERE id = $1", [ids.template]);
    const deletes = (await eventsOf([ids.feedback, ids.template])).filter((e) => e.operation === "delete");
    expect(deletes.map((e) => [e.entity_type, e.organization_id])).toEqual([
      ["feedback", ids.organization],
      ["template", ids.organization],
    ]);
    await drainScope(scope, [ids.organization]);
    await graphEqualsPostgres(scope);
    const slice = await readGraphSlice(deps.graph!, scope);
    expect(slice.templates).toEqual([]);
    expect(slice.receivedFeedback).toEqual([]);
    expect(slice.ownsColor.map((r) => r.hex)).toEqual([ids.red]);
  });

  it("records the cascade of an organization's delete, entity by entity, and the graph loses all of it", async () => {
    const scope = newScope();
    const first = await insertOrganization(scope);
    // A second brand with an asset in the same organization.
    const [brand, asset] = [randomUUID(), randomUUID()];
    await psql.query("INSERT INTO brands (id, organization_id, name, updated_at) VALUES ($1, $2, 'Second', now())", [brand, first.organization]);
    await psql.query("INSERT INTO assets (id, brand_id, prompt, updated_at) VALUES ($1, $2, 'a banner', now())", [asset, brand]);
    scope.brands.add(brand);
    scope.assets.add(asset);
    await drainScope(scope, [first.organization]);
    expect((await readGraphSlice(deps.graph!, scope)).brands).toHaveLength(2);

    await psql.query("DELETE FROM organizations WHERE id = $1", [first.organization]);

    const deletes = (await eventsOf([first.organization, first.brand, brand, first.asset, asset, first.feedback, first.template])).filter(
      (e) => e.operation === "delete",
    );
    expect(deletes.map((e) => `${e.entity_type}:${e.entity_id}`).sort()).toEqual(
      [
        `organization:${first.organization}`,
        `brand:${first.brand}`,
        `brand:${brand}`,
        `asset:${first.asset}`,
        `asset:${asset}`,
        `feedback:${first.feedback}`,
        `template:${first.template}`,
      ].sort(),
    );
    // Found even though the cascade removed each brand before its assets: subscribers are told.
    expect(new Set(deletes.map((e) => e.organization_id))).toEqual(new Set([first.organization]));
    await drainScope(scope, [first.organization]);
    const slice = await readGraphSlice(deps.graph!, scope);
    expect([slice.brands, slice.assets, slice.templates, slice.receivedFeedback]).toEqual([[], [], [], []]);
    await graphEqualsPostgres(scope);
  });

  it("records a brand moved to another organization with its assets and templates, told to the new organization", async () => {
    const scope = newScope();
    const ids = await insertOrganization(scope);
    const other = randomUUID();
    await psql.query("INSERT INTO organizations (id, name, updated_at) VALUES ($1, 'Acquirer', now())", [other]);
    await drainScope(scope, [ids.organization, other]);
    const before = (await eventsOf([ids.brand, ids.asset, ids.template])).length;

    await psql.query("UPDATE brands SET organization_id = $2 WHERE id = $1", [ids.brand, other]);

    const moved = (await eventsOf([ids.brand, ids.asset, ids.template])).slice(before);
    expect(moved.map((e) => [e.entity_type, e.organization_id])).toEqual([
      ["brand", other],
      ["asset", other],
      ["template", other],
    ]);
    await drainScope(scope, [ids.organization, other]);
    await graphEqualsPostgres(scope);
  });

  it("records a bulk insert of 10,000 palette colors as one event, and the graph holds every color", async () => {
    const scope = newScope();
    const [organization, brand] = [randomUUID(), randomUUID()];
    await psql.query("INSERT INTO organizations (id, name, updated_at) VALUES ($1, 'Bulk', now())", [organization]);
    await psql.query("INSERT INTO brands (id, organization_id, name, updated_at) VALUES ($1, $2, 'Bulk', now())", [brand, organization]);
    scope.brands.add(brand);
    const before = (await eventsOf([brand])).length;

    // Hexes sharing a random prefix: no other test's brand owns them.
    const prefix = uniqueHex(scope).slice(0, 3);
    await psql.query(
      `INSERT INTO brand_colors (brand_id, hex, usage_weight)
       SELECT $1, $2 || upper(lpad(to_hex(g), 4, '0')), g / 10000.0 FROM generate_series(0, 9999) g`,
      [brand, prefix],
    );

    expect((await eventsOf([brand])).length - before).toBe(1);
    await drainScope(scope, [organization]);
    const { records } = await deps.graph!.driver.executeQuery(
      "MATCH (:Brand {brand_id: $brand})-[r:OWNS_COLOR]->(c:Color) RETURN count(r) AS edges, count(DISTINCT c) AS colors",
      { brand },
      { database: deps.graph!.database },
    );
    expect([Number(records[0]!.get("edges")), Number(records[0]!.get("colors"))]).toEqual([10_000, 10_000]);
    await psql.query("DELETE FROM organizations WHERE id = $1", [organization]);
    await drainScope(scope, [organization]);
  }, 120_000);

  it("records nothing for an update that changes nothing the graph holds", async () => {
    const scope = newScope();
    const ids = await insertOrganization(scope);
    const entities = [ids.organization, ids.brand, ids.asset, ids.feedback, ids.template];
    const before = await eventsOf(entities);

    await psql.query("UPDATE assets SET updated_at = now() + interval '1 minute' WHERE id = $1", [ids.asset]);
    await psql.query("UPDATE assets SET image_sha256 = 'not on the node' WHERE id = $1", [ids.asset]);
    await psql.query("UPDATE templates SET updated_at = now() + interval '1 minute' WHERE id = $1", [ids.template]);
    await psql.query("UPDATE brands SET name = name WHERE id = $1", [ids.brand]);
    await psql.query("UPDATE brand_colors SET usage_weight = usage_weight WHERE brand_id = $1", [ids.brand]);
    await psql.query("UPDATE asset_colors SET coverage = coverage WHERE asset_id = $1", [ids.asset]);
    await psql.query("UPDATE feedback SET reason = reason WHERE id = $1", [ids.feedback]);
    await psql.query("UPDATE organizations SET updated_at = now() + interval '1 minute' WHERE id = $1", [ids.organization]);

    expect(await eventsOf(entities)).toEqual(before);
  });

  it("records nothing in a session that paused capture, and a scoped backfill brings the graph in line", async () => {
    const scope = newScope();
    const ids = await insertOrganization(scope);
    await drainScope(scope, [ids.organization]);
    const before = await eventsOf([ids.brand, ids.asset]);

    const loader = new pg.Client({ connectionString: workerStack().databaseUrl, application_name: "bulk load" });
    await loader.connect();
    try {
      await loader.query("SET mobius.capture = off");
      await loader.query("UPDATE brands SET name = 'Loaded in bulk' WHERE id = $1", [ids.brand]);
      await loader.query("UPDATE assets SET status = 'rejected' WHERE id = $1", [ids.asset]);
    } finally {
      await loader.end();
    }
    expect(await eventsOf([ids.brand, ids.asset])).toEqual(before);
    expect((await readGraphSlice(deps.graph!, scope)).brands).toEqual([expect.objectContaining({ name: "Acme" })]);

    await runFor(deps, "backfill", ids.organization, { dryRun: false });
    await graphEqualsPostgres(scope);
    expect((await readGraphSlice(deps.graph!, scope)).brands).toEqual([expect.objectContaining({ name: "Loaded in bulk" })]);
  });
});

describe("a polling drainer", () => {
  it("projects another client's write at its commit (NOTIFY), not at the next poll", async () => {
    const databaseUrl = await createIsolatedDatabase("capture_notify");
    // The first poll runs at start; the next one would come long after the test's timeout.
    const own = createTestDeps({ databaseUrl, poll: true, config: { graphSync: { ...deps.config.graphSync, pollIntervalMs: 600_000 } } });
    const client = new pg.Client({ connectionString: databaseUrl, application_name: "another service" });
    await client.connect();
    try {
      // The drainer's LISTEN connection is up once it shows in pg_stat_activity.
      await eventually(
        async () => (await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'mobius-drainer' AND datname = current_database()")).rows[0].n,
        (n) => n > 0,
      );
      const [organization, brand] = [randomUUID(), randomUUID()];
      await client.query("INSERT INTO organizations (id, name, updated_at) VALUES ($1, 'Elsewhere', now())", [organization]);
      await client.query("INSERT INTO brands (id, organization_id, name, updated_at) VALUES ($1, $2, 'From another service', now())", [brand, organization]);
      await eventually(
        async () => (await client.query("SELECT count(*)::int AS n FROM sync_events WHERE applied_at IS NULL")).rows[0].n,
        (n) => n === 0,
      );
      const { records } = await own.graph!.driver.executeQuery("MATCH (b:Brand {brand_id: $brand}) RETURN b.name AS name", { brand }, { database: own.graph!.database });
      expect(records.map((r) => r.get("name"))).toEqual(["From another service"]);
      await client.query("DELETE FROM organizations WHERE id = $1", [organization]);
      await eventually(
        async () => (await client.query("SELECT count(*)::int AS n FROM sync_events WHERE applied_at IS NULL")).rows[0].n,
        (n) => n === 0,
      );
    } finally {
      await client.end();
      await own.close();
    }
  });
});

describe("who NOTIFYs", () => {
  /** A LISTEN connection on the capture channel of this database, counting what it is told. */
  async function listenForRecorded(databaseUrl: string) {
    const listener = new pg.Client({ connectionString: databaseUrl, application_name: "listening test" });
    await listener.connect();
    let told = 0;
    listener.on("notification", (message) => {
      if (message.channel === "mobius_sync_recorded") told += 1;
    });
    await listener.query("LISTEN mobius_sync_recorded");
    return { told: () => told, end: () => listener.end() };
  }
  const createOrganization = `mutation ($name: String!) { createOrganization(input: { name: $name }) { id } }`;

  it("a gateway that drains wakes its own drainer and sends none; another client's write, committed after it, does", async () => {
    const databaseUrl = await createIsolatedDatabase("capture_own_writes");
    // Polling every 10 minutes: what applies the gateway's write within the test is the direct wake-up.
    const gateway = await startTestGateway(createTestDeps({ databaseUrl, poll: true, config: { graphSync: { ...deps.config.graphSync, pollIntervalMs: 600_000 } } }));
    const listener = await listenForRecorded(databaseUrl);
    const client = new pg.Client({ connectionString: databaseUrl, application_name: "another service" });
    await client.connect();
    try {
      const created = await gateway.graphql(createOrganization, { name: "Through the gateway" });
      expect(created.errors).toBeUndefined();
      const id = (created.data as { createOrganization: { id: string } }).createOrganization.id;
      const applied = async () => (await client.query("SELECT applied_at IS NOT NULL AS applied FROM sync_events WHERE entity_id = $1", [id])).rows;
      expect(await eventually(applied, (rows) => rows[0]?.applied === true)).toEqual([{ applied: true }]);
      // Notifications arrive in commit order: once the later write's one is here, the gateway's would have been.
      await client.query("INSERT INTO organizations (id, name, updated_at) VALUES ($1, 'Typed in psql', now())", [randomUUID()]);
      await eventually(async () => listener.told(), (n) => n > 0);
      expect(listener.told()).toBe(1);
    } finally {
      await client.end();
      await listener.end();
      await gateway.close();
    }
  });

  it("a gateway without a drainer (sync off) NOTIFYs for its writes, so another process's drainer projects them at once", async () => {
    const databaseUrl = await createIsolatedDatabase("capture_sync_off");
    const gateway = await startTestGateway(createTestDeps({ databaseUrl, config: { graphSyncEnabled: false } }));
    const listener = await listenForRecorded(databaseUrl);
    try {
      expect((await gateway.graphql(createOrganization, { name: "Queued only" })).errors).toBeUndefined();
      await eventually(async () => listener.told(), (n) => n > 0);
      expect(listener.told()).toBe(1);
    } finally {
      await listener.end();
      await gateway.close();
    }
  });
});

describe("readiness", () => {
  it("fails, naming the trigger, while a capture trigger is disabled or missing", async () => {
    const databaseUrl = await createIsolatedDatabase("capture_ready");
    const gateway = await startTestGateway(createTestDeps({ databaseUrl, neo4jUri: null }));
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const ready = async () => {
      const res = await fetch(`${gateway.url}/ready`);
      return { status: res.status, body: await res.json() };
    };
    try {
      expect(await ready()).toMatchObject({ status: 200, body: { ready: true, capture: { ready: true } } });

      await admin.query("ALTER TABLE brands DISABLE TRIGGER capture_brands_updates");
      const disabled = await ready();
      expect(disabled).toMatchObject({ status: 503, body: { ready: false, postgres: "ready", capture: { ready: false } } });
      expect(disabled.body.capture.reason).toMatch(/disabled.*capture_brands_updates on brands/);

      await admin.query("ALTER TABLE brands ENABLE TRIGGER capture_brands_updates");
      await admin.query("DROP TRIGGER capture_asset_colors_inserts ON asset_colors");
      const missing = await ready();
      expect(missing.status).toBe(503);
      expect(missing.body.capture.reason).toMatch(/missing.*capture_asset_colors_inserts on asset_colors/);
    } finally {
      await admin.end();
      await gateway.close();
    }
  });
});

// Subscriptions over graphql-ws: a message only once the graph applied the change, only to the
// caller's organization (two organizations × every role), authenticated on connection_init,
// resumable from the last event id, and no subscriber left registered by clients that went away.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "../../src/auth/access.ts";
import { ROLES } from "../../src/auth/access.ts";
import { eventually } from "../support/outbox.ts";
import { openSubscriptionSocket, type SubscriptionSocket } from "../support/subscriptionClient.ts";
import { startTenants, tenancyVerifier, type Tenants } from "../support/tenants.ts";
import { createTestDeps, startTestGateway } from "../support/testDeps.ts";

const GRAPH_CHANGED = `subscription($after: ID) { graphChanged(after: $after) { eventId entity id operation relationships appliedAt } }`;
const BRAND_CHANGED = `subscription($id: ID!) { brandChanged(id: $id) { eventId brandId operation brand { id name } } }`;
const CREATE_BRAND = `mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }`;
const UPDATE_BRAND = `mutation($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id } }`;

let tenants: Tenants;
const sockets: SubscriptionSocket[] = [];
beforeAll(async () => {
  tenants = await startTenants();
  await tenants.gateway.deps.changes!.ready();
});
afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  await tenants?.close();
});

const feed = () => tenants.gateway.deps.changes!;

async function connect(role: Role, organizationId: string): Promise<SubscriptionSocket> {
  const socket = openSubscriptionSocket(tenants.gateway.url, (await tenants.as(role, organizationId)).authorization);
  sockets.push(socket);
  await socket.acknowledged;
  return socket;
}

/** Subscribes and waits until the server registered it, so no change made next can precede it. */
async function subscribed(socket: SubscriptionSocket, query: string, variables?: Record<string, unknown>): Promise<string> {
  const before = feed().subscriberCount();
  const id = socket.subscribe(query, variables);
  await eventually(async () => feed().subscriberCount(), (n) => n > before);
  return id;
}

/** A mutation by an editor of the organization that waits for the graph, so its event is applied when it returns. */
async function mutate(organizationId: string, query: string, variables: Record<string, unknown>) {
  const headers = { ...(await tenants.as("editor", organizationId)), "x-graph-sync": "wait" };
  const result = await tenants.gateway.graphql(query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const createBrand = async (organizationId: string, colors: { hex: string }[] = []) =>
  (await mutate(organizationId, CREATE_BRAND, { input: { organizationId, name: "Live brand", colors } })).createBrand.id as string;

/** A second gateway with authentication off, its feed listening, and a connected socket to it. */
async function openGatewayAndSocket() {
  const gateway = await startTestGateway(createTestDeps());
  await gateway.deps.changes!.ready();
  const socket = openSubscriptionSocket(gateway.url, undefined);
  sockets.push(socket);
  await socket.acknowledged;
  return { gateway, socket };
}

async function eventIdsOf(entityId: string): Promise<string[]> {
  const rows = await tenants.gateway.deps.prisma.syncEvent.findMany({ where: { entityId }, orderBy: { appliedSeq: "asc" }, select: { id: true } });
  return rows.map((r) => String(r.id));
}

describe("graphChanged", () => {
  it("tells every role of an organization its own changes, and nothing of another organization's", async () => {
    const { own, foreign } = tenants;
    const listeners = [];
    for (const organizationId of [own.organizationId, foreign.organizationId]) {
      for (const role of ROLES) {
        const socket = await connect(role, organizationId);
        listeners.push({ organizationId, role, socket, id: await subscribed(socket, GRAPH_CHANGED) });
      }
    }
    const ownFirst = await createBrand(own.organizationId);
    const foreignBrand = await createBrand(foreign.organizationId);
    // A second change of `own` after the foreign one: a leaked foreign message would come between.
    const ownSecond = await createBrand(own.organizationId);
    const expected = { [own.organizationId]: [ownFirst, ownSecond], [foreign.organizationId]: [foreignBrand] };

    for (const { organizationId, role, socket, id } of listeners) {
      const received = [];
      for (const _ of expected[organizationId]!) received.push((await socket.take(id)).payload.data.graphChanged);
      expect(received.map((c) => c.id), `${role} of ${organizationId === own.organizationId ? "own" : "foreign"}`).toEqual(expected[organizationId]);
      expect(received[0]).toMatchObject({ entity: "BRAND", operation: "UPSERT", relationships: ["OWNS_COLOR"], eventId: (await eventIdsOf(received[0].id))[0] });
    }
    for (const { organizationId, socket, id } of listeners) expect(socket.messages.filter((m) => m.id === id)).toHaveLength(expected[organizationId]!.length);
  });

  it("misses none of the changes applied while it reads, and repeats none: eight writers at once", async () => {
    const { own } = tenants;
    const socket = await connect("viewer", own.organizationId);
    const id = await subscribed(socket, GRAPH_CHANGED);
    const headers = await tenants.as("editor", own.organizationId);
    const WRITERS = 8;
    const RENAMES = 30;
    const brands = await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        const created = await tenants.gateway.graphql(CREATE_BRAND, { input: { organizationId: own.organizationId, name: `Writer ${writer}` } }, headers);
        const brandId = created.data.createBrand.id as string;
        for (let i = 0; i < RENAMES; i++) await tenants.gateway.graphql(UPDATE_BRAND, { id: brandId, input: { name: `Writer ${writer}, rename ${i}` } }, headers);
        return brandId;
      }),
    );
    const applied = await eventually(
      () => tenants.gateway.deps.prisma.syncEvent.findMany({ where: { entityId: { in: brands } }, orderBy: { appliedSeq: "asc" }, select: { id: true, appliedSeq: true } }),
      (rows) => rows.every((row) => row.appliedSeq !== null),
      60_000,
    );
    expect(applied).toHaveLength(WRITERS * (1 + RENAMES));

    const received: string[] = [];
    for (const _ of applied) received.push((await socket.take(id)).payload.data.graphChanged.eventId);
    expect(received).toEqual(applied.map((row) => String(row.id)));
  });

  it("is sent once the graph has the change: the subscriber's re-query of a graph field sees it", async () => {
    const { own } = tenants;
    const socket = await connect("viewer", own.organizationId);
    const id = await subscribed(socket, GRAPH_CHANGED);
    const [hex] = tenants.fixtures.hexes(1);
    // Not waiting for the graph: the message alone must say when the graph has it.
    const headers = await tenants.as("editor", own.organizationId);
    const created = await tenants.gateway.graphql(CREATE_BRAND, { input: { organizationId: own.organizationId, name: "Graph brand", colors: [{ hex }] } }, headers);
    const brandId = created.data.createBrand.id;
    const change = (await socket.take(id)).payload.data.graphChanged;
    expect(change).toMatchObject({ entity: "BRAND", id: brandId });
    const reread = await tenants.gateway.graphql(`query($hex: String!) { color(hex: $hex) { brands { brand { id } } } }`, { hex }, headers);
    expect(reread.data.color.brands.map((b: { brand: { id: string } }) => b.brand.id)).toEqual([brandId]);
  });
});

describe("brandChanged", () => {
  it("sends the brand as it is after each change to every role of its organization", async () => {
    const { own } = tenants;
    const brandId = await createBrand(own.organizationId);
    const listeners = [];
    for (const role of ROLES) {
      const socket = await connect(role, own.organizationId);
      listeners.push({ socket, id: await subscribed(socket, BRAND_CHANGED, { id: brandId }) });
    }
    await createBrand(own.organizationId); // another brand's change: not this subscription's
    // Each message shows the brand as it is when it is sent, so each rename is taken before the next.
    for (const name of ["Renamed live", "Renamed twice"]) {
      await mutate(own.organizationId, UPDATE_BRAND, { id: brandId, input: { name } });
      for (const { socket, id } of listeners) {
        const change = (await socket.take(id)).payload.data.brandChanged;
        expect([change.brandId, change.operation, change.brand.name]).toEqual([brandId, "UPSERT", name]);
      }
    }
    for (const { socket, id } of listeners) expect(socket.messages.filter((m) => m.id === id)).toHaveLength(2);
  });

  it("is NOT_FOUND for another organization's brand, for every role", async () => {
    for (const role of ROLES) {
      const socket = await connect(role, tenants.own.organizationId);
      const id = socket.subscribe(BRAND_CHANGED, { id: tenants.foreign.brand.id });
      // A subscription refused by its resolver is one result with errors, then complete (graphql-ws).
      const message = await socket.take(id);
      expect(message.payload.errors).toEqual([expect.objectContaining({ extensions: { code: "NOT_FOUND", field: "id" } })]);
      expect((await socket.take(id)).type).toBe("complete");
    }
  });
});

describe("the connection", () => {
  it("is closed with 4401 UNAUTHENTICATED without a valid bearer token", async () => {
    for (const authorization of [undefined, "Bearer not-a-token", "Basic abc"]) {
      const socket = openSubscriptionSocket(tenants.gateway.url, authorization);
      sockets.push(socket);
      const { code, reason } = await socket.closed;
      expect(code).toBe(4401);
      expect(reason).toMatch(/^UNAUTHENTICATED: /);
    }
  });

  it("serves only subscriptions: a query over WebSocket is an error naming POST /graphql", async () => {
    const socket = await connect("admin", tenants.own.organizationId);
    const id = socket.subscribe(`{ __typename }`);
    const message = await socket.take(id);
    expect(message.type).toBe("error");
    expect(message.payload[0].message).toMatch(/POST \/graphql/);
  });

  it("refuses a document that does not parse or validate each time it is sent, on any connection", async () => {
    const refusals = [
      { query: `subscription { graphChanged { eventId `, code: "GRAPHQL_PARSE_FAILED" },
      { query: `subscription { graphChanged { noSuchField } }`, code: "GRAPHQL_VALIDATION_FAILED" },
    ];
    for (const role of ["viewer", "admin"] as const) {
      const socket = await connect(role, tenants.own.organizationId);
      for (const { query, code } of [...refusals, ...refusals]) {
        const message = await socket.take(socket.subscribe(query));
        expect(message.type).toBe("error");
        expect(message.payload[0].extensions.code).toBe(code);
      }
    }
  });

  it("closes a connection whose message is larger than a POST body may be (1009), registering nothing and printing no stack", async () => {
    const printed = vi.spyOn(console, "error");
    try {
      const socket = await connect("editor", tenants.own.organizationId);
      const before = feed().subscriberCount();
      socket.subscribe(`# ${"x".repeat(1_000_000)}\nsubscription { graphChanged { eventId } }`);
      expect((await socket.closed).code).toBe(1009);
      expect(feed().subscriberCount()).toBe(before);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });
});

describe("resuming with after", () => {
  it("sends exactly the changes missed since the last event id, in order, each once, then the live ones", async () => {
    const organizationId = await tenants.fixtures.organization();
    const first = await connect("viewer", organizationId);
    const firstId = await subscribed(first, GRAPH_CHANGED);
    const seenBrand = await createBrand(organizationId);
    const lastSeen = (await first.take(firstId)).payload.data.graphChanged.eventId;
    first.terminate();

    const missedBrand = await createBrand(organizationId);
    await mutate(organizationId, UPDATE_BRAND, { id: missedBrand, input: { name: "Missed rename" } });
    await mutate(organizationId, UPDATE_BRAND, { id: seenBrand, input: { name: "Missed too" } });
    const missed = (await Promise.all([eventIdsOf(missedBrand), eventIdsOf(seenBrand)])).flat().filter((e) => e !== lastSeen);

    const again = await connect("viewer", organizationId);
    const againId = again.subscribe(GRAPH_CHANGED, { after: lastSeen });
    const replayed = [];
    for (const _ of missed) replayed.push((await again.take(againId)).payload.data.graphChanged);
    expect(replayed.map((c) => [c.id, c.eventId])).toEqual([
      [missedBrand, missed[0]],
      [missedBrand, missed[1]],
      [seenBrand, missed[2]],
    ]);

    const liveBrand = await createBrand(organizationId);
    expect((await again.take(againId)).payload.data.graphChanged.id).toBe(liveBrand);
    expect(again.messages.filter((m) => m.id === againId)).toHaveLength(missed.length + 1);
  });

  it("replays to brandChanged only its brand's missed changes, then its live ones", async () => {
    const organizationId = await tenants.fixtures.organization();
    const watched = await createBrand(organizationId);
    const other = await createBrand(organizationId);
    const [lastSeen] = await eventIdsOf(other);
    await mutate(organizationId, UPDATE_BRAND, { id: watched, input: { name: "Missed rename" } });
    await mutate(organizationId, UPDATE_BRAND, { id: other, input: { name: "Not watched" } });
    const [, missed] = await eventIdsOf(watched);

    const socket = await connect("viewer", organizationId);
    const id = socket.subscribe(`subscription($id: ID!, $after: ID) { brandChanged(id: $id, after: $after) { eventId brandId } }`, { id: watched, after: lastSeen });
    expect((await socket.take(id)).payload.data.brandChanged).toEqual({ eventId: missed, brandId: watched });
    await mutate(organizationId, UPDATE_BRAND, { id: watched, input: { name: "Live rename" } });
    const [, , live] = await eventIdsOf(watched);
    expect((await socket.take(id)).payload.data.brandChanged).toEqual({ eventId: live, brandId: watched });
    expect(socket.messages.filter((m) => m.id === id)).toHaveLength(2);
  });

  it("answers RESUME_WINDOW_EXCEEDED beyond the window or for another organization's event, BAD_USER_INPUT for a malformed id", async () => {
    const { own, foreign } = tenants;
    const brandId = await createBrand(own.organizationId);
    const [ownEvent] = await eventIdsOf(brandId);
    const foreignEvent = (await eventIdsOf(await createBrand(foreign.organizationId)))[0];
    const socket = await connect("viewer", own.organizationId);
    const codeFor = async (after: string) => (await socket.take(socket.subscribe(GRAPH_CHANGED, { after }))).payload.errors[0].extensions;

    expect(await codeFor(foreignEvent!)).toEqual({ code: "RESUME_WINDOW_EXCEEDED", field: "after" });
    expect(await codeFor("not-an-id")).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    const windowSeconds = tenants.gateway.deps.config.subscriptionResumeWindowSeconds;
    await tenants.gateway.deps.prisma.$executeRaw`
      UPDATE sync_events SET applied_at = applied_at - ${windowSeconds + 60} * interval '1 second' WHERE id = ${BigInt(ownEvent!)}`;
    expect(await codeFor(ownEvent!)).toEqual({ code: "RESUME_WINDOW_EXCEEDED", field: "after" });
  });
});

describe("with authentication off", () => {
  it("tells graphChanged every organization's changes and brandChanged only its brand's", async () => {
    // Made before the gateway starts, so its feed starts after their events: a notification of them
    // reaching it late would otherwise hand them to the subscribers below.
    const ownBrand = await createBrand(tenants.own.organizationId);
    const foreignBrand = await createBrand(tenants.foreign.organizationId);
    const { gateway: open, socket } = await openGatewayAndSocket();
    try {
      const count = () => open.deps.changes!.subscriberCount();
      const everything = socket.subscribe(GRAPH_CHANGED);
      await eventually(async () => count(), (n) => n === 1);
      const oneBrand = socket.subscribe(BRAND_CHANGED, { id: foreignBrand });
      await eventually(async () => count(), (n) => n === 2);

      const rename = async (brandId: string, name: string) => {
        const result = await open.graphql(UPDATE_BRAND, { id: brandId, input: { name } }, { "x-graph-sync": "wait" });
        expect(result.errors).toBeUndefined();
      };
      await rename(ownBrand, "Renamed by the open gateway");
      await rename(foreignBrand, "Foreign renamed by the open gateway");

      const all = [(await socket.take(everything)).payload.data.graphChanged, (await socket.take(everything)).payload.data.graphChanged];
      expect(all.map((c) => c.id)).toEqual([ownBrand, foreignBrand]);
      const watched = (await socket.take(oneBrand)).payload.data.brandChanged;
      expect([watched.brandId, watched.brand.name]).toEqual([foreignBrand, "Foreign renamed by the open gateway"]);
      expect(socket.messages.filter((m) => m.id === oneBrand)).toHaveLength(1);
    } finally {
      await open.close();
    }
  });
});

describe("a gateway whose request pool is busy", () => {
  it("still tells its subscribers of a change: the feed reads on its listener's connection", async () => {
    const brandId = await createBrand(tenants.own.organizationId);
    const { gateway: busy, socket } = await openGatewayAndSocket();
    try {
      const before = busy.deps.changes!.subscriberCount();
      // No field that reads Postgres: the pool is held while the message is sent.
      const watching = socket.subscribe(`subscription($id: ID!) { brandChanged(id: $id) { eventId brandId operation } }`, { id: brandId });
      await eventually(async () => busy.deps.changes!.subscriberCount(), (n) => n > before);

      // Every pooled connection (the test gateway's pool holds 5) busy for longer than delivery takes.
      let held = true;
      const holding = Promise.all(Array.from({ length: 5 }, () => busy.deps.sql.rows(`SELECT pg_sleep(8)`, []))).finally(() => (held = false));
      await eventually(async () => (await tenants.gateway.deps.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(8)' AND state = 'active'`)[0]!.n, (n) => n === 5n);
      await mutate(tenants.own.organizationId, UPDATE_BRAND, { id: brandId, input: { name: "Renamed while the pool is busy" } });

      const change = (await socket.take(watching, 7_000)).payload.data.brandChanged;
      expect(held).toBe(true);
      expect([change.brandId, change.operation]).toEqual([brandId, "UPSERT"]);
      await holding;
    } finally {
      await busy.close();
    }
  });
});

describe("clients that go away", () => {
  it("leave no subscriber behind: 1,000 connects and disconnects, half of them abrupt", { timeout: 240_000 }, async () => {
    const { organizationId } = tenants.own;
    const authorization = (await tenants.as("viewer", organizationId)).authorization;
    const before = { subscribers: feed().subscriberCount(), connections: tenants.gateway.subscriptions!.connections() };
    const ROUNDS = 20;
    const PER_ROUND = 50;
    for (let round = 0; round < ROUNDS; round++) {
      const batch = Array.from({ length: PER_ROUND }, () => openSubscriptionSocket(tenants.gateway.url, authorization));
      await Promise.all(batch.map((s) => s.acknowledged));
      for (const socket of batch) socket.subscribe(GRAPH_CHANGED);
      await eventually(async () => feed().subscriberCount(), (n) => n === before.subscribers + PER_ROUND);
      batch.forEach((socket, i) => (i % 2 === 0 ? socket.close() : socket.terminate()));
      await Promise.all(batch.map((s) => s.closed));
      await eventually(async () => feed().subscriberCount(), (n) => n === before.subscribers);
    }
    await eventually(async () => tenants.gateway.subscriptions!.connections(), (n) => n === before.connections);
    expect(feed().subscriberCount()).toBe(before.subscribers);
  });

  it("are ended by the heartbeat when they leave its pings unanswered, with their subscriptions, every role of either organization", async () => {
    const deps = createTestDeps({ verifyToken: tenancyVerifier(), config: { subscriptionHeartbeatMs: 500 } });
    const gateway = await startTestGateway(deps);
    try {
      await deps.changes!.ready();
      const open = async (role: Role, organizationId: string, answersPings: boolean) => {
        const socket = openSubscriptionSocket(gateway.url, (await tenants.as(role, organizationId)).authorization, { answersPings });
        sockets.push(socket);
        await socket.acknowledged;
        socket.subscribe(GRAPH_CHANGED);
        return socket;
      };
      const callers = [tenants.own, tenants.foreign].flatMap(({ organizationId }) => ROLES.map((role) => [role, organizationId] as const));
      const silent = await Promise.all(callers.map(([role, organizationId]) => open(role, organizationId, false)));
      const answering = await Promise.all(callers.map(([role, organizationId]) => open(role, organizationId, true)));
      await eventually(async () => deps.changes!.subscriberCount(), (n) => n === callers.length * 2);

      const closes = await Promise.all(silent.map((socket) => socket.closed));
      expect(closes.map((c) => c.code)).toEqual(silent.map(() => 1006)); // terminated, no close frame
      await eventually(async () => deps.changes!.subscriberCount(), (n) => n === callers.length);
      // Three more beats: the sockets that answer stay, with their subscriptions.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(gateway.subscriptions!.connections()).toBe(callers.length);
      expect(deps.changes!.subscriberCount()).toBe(callers.length);
      for (const socket of answering) expect(socket.messages.filter((m) => m.type === "error")).toEqual([]);
    } finally {
      await gateway.close();
    }
  });
});

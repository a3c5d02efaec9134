// Two gateway processes (the real src/main.ts) on one database: a subscriber on one is told of a
// mutation made through the other (fan-out through Postgres LISTEN/NOTIFY, no broker), a subscriber
// of another organization is told nothing, and a listener whose connection Postgres ended
// reconnects and catches up. A database of its own: both processes' drainers poll the whole outbox.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/postgres/createPrisma.ts";
import { LISTENER_NAME } from "../../src/subscriptions/appliedListener.ts";
import { startGatewayProcess } from "../support/gatewayProcess.ts";
import { createIsolatedDatabase } from "../support/isolatedDatabase.ts";
import { eventually } from "../support/outbox.ts";
import { openSubscriptionSocket, type SubscriptionSocket } from "../support/subscriptionClient.ts";
import { TENANCY_SECRET, tenancyHeaders } from "../support/tenants.ts";
import { workerStack } from "../support/workerStack.ts";

const GRAPH_CHANGED = `subscription { graphChanged { eventId entity id operation } }`;

interface Replica {
  readonly child: ChildProcess;
  readonly url: string;
}

let databaseUrl: string;
let prisma: PrismaClient;
const replicas: Replica[] = [];
const sockets: SubscriptionSocket[] = [];

async function startReplica(): Promise<Replica> {
  const gateway = startGatewayProcess({
    DATABASE_URL: databaseUrl,
    NEO4J_URI: workerStack().neo4jUri,
    AUTH_JWT_SECRET: TENANCY_SECRET,
    PORT: "0",
    LOG_LEVEL: "info",
  });
  const { child } = gateway;
  const url = await gateway.url(120_000);
  const replica = { child, url };
  replicas.push(replica);
  return replica;
}

beforeAll(async () => {
  databaseUrl = await createIsolatedDatabase("replicas");
  prisma = createPrisma(databaseUrl, { maxConnections: 2 });
  // One after the other: the first seeds the empty database with the demo set.
  await startReplica();
  await startReplica();
  // Both listeners up, so no change made next is announced before they listen.
  await eventually(listenerPids, (pids) => pids.length === 2, 60_000);
}, 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  for (const { child } of replicas) {
    if (child.exitCode !== null) continue;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  }
  await prisma?.$disconnect();
});

async function listenerPids(): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE application_name = ${LISTENER_NAME} AND datname = current_database()`;
  return rows.map((r) => r.pid);
}

async function subscribe(replica: Replica, organizationId: string): Promise<{ socket: SubscriptionSocket; id: string }> {
  const socket = openSubscriptionSocket(replica.url, (await tenancyHeaders("viewer", organizationId)).authorization);
  sockets.push(socket);
  await socket.acknowledged;
  const id = socket.subscribe(GRAPH_CHANGED);
  // Registered once the replica counts it (its /metrics gauge).
  await eventually(() => activeSubscriptions(replica), (n) => n >= 1);
  return { socket, id };
}

async function activeSubscriptions(replica: Replica): Promise<number> {
  const metrics = await (await fetch(`${replica.url}/metrics`)).text();
  return Number(/^mobius_subscriptions_active (\d+)/m.exec(metrics)?.[1] ?? 0);
}

/**
 * An organization written straight to Postgres, which the capture triggers record like any write:
 * once its own event is applied, a subscriber opened next receives only what the test does.
 */
async function createOrganization(): Promise<string> {
  const { id } = await prisma.organization.create({ data: { name: "Replica org" } });
  await eventually(
    () => prisma.syncEvent.findMany({ where: { entityId: id }, select: { appliedAt: true } }),
    (events) => events.length > 0 && events.every((e) => e.appliedAt !== null),
  );
  return id;
}

async function createBrand(replica: Replica, organizationId: string): Promise<string> {
  const res = await fetch(`${replica.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await tenancyHeaders("editor", organizationId)) },
    body: JSON.stringify({
      query: `mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }`,
      variables: { input: { organizationId, name: "Replicated", colors: [] } },
    }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return body.data.createBrand.id;
}

describe("two gateway processes on one database", () => {
  it("tell a subscriber on one of a mutation made through the other, and a subscriber of another organization nothing", { timeout: 120_000 }, async () => {
    const [a, b] = replicas as [Replica, Replica];
    const [own, foreign] = await Promise.all([createOrganization(), createOrganization()]);
    const ownSubscriber = await subscribe(b!, own!);
    const foreignSubscriber = await subscribe(b!, foreign!);
    await eventually(() => activeSubscriptions(b!), (n) => n === 2);

    const brandId = await createBrand(a!, own!);
    const change = (await ownSubscriber.socket.take(ownSubscriber.id, 30_000)).payload.data.graphChanged;
    expect(change).toMatchObject({ entity: "BRAND", id: brandId, operation: "UPSERT" });
    const [event] = await prisma.syncEvent.findMany({ where: { entityId: brandId }, select: { id: true, appliedAt: true } });
    expect(change.eventId).toBe(String(event!.id));
    expect(event!.appliedAt).not.toBeNull();

    // The foreign subscriber is live (it receives its own change next) and got nothing before it.
    const foreignBrand = await createBrand(a!, foreign!);
    const foreignChange = (await foreignSubscriber.socket.take(foreignSubscriber.id, 30_000)).payload.data.graphChanged;
    expect(foreignChange.id).toBe(foreignBrand);
    expect(foreignSubscriber.socket.messages).toHaveLength(1);
    expect(ownSubscriber.socket.messages).toHaveLength(1);
  });

  it("reconnect their listeners when Postgres ends the connection, and deliver what was applied meanwhile", { timeout: 120_000 }, async () => {
    const [a, b] = replicas as [Replica, Replica];
    const organizationId = await createOrganization();
    const subscriber = await subscribe(b!, organizationId);
    const before = await listenerPids();
    await prisma.$queryRaw`SELECT pg_terminate_backend(pid)::text FROM unnest(${before}::int[]) AS pid`;
    const brandId = await createBrand(a!, organizationId);
    expect((await subscriber.socket.take(subscriber.id, 60_000)).payload.data.graphChanged.id).toBe(brandId);
    const after = await eventually(listenerPids, (pids) => pids.length === 2, 30_000);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
  });
});

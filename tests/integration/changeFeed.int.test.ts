// The feed's position across a commit that lands while it reads: the read's snapshot cannot see that
// commit, yet its notification can be handled before the read's rows are (on the listener's own
// connection it always is, just before the read completes). The feed must read it next, not skip it.
// Real Postgres, real drainer commits and notifications; the test only chooses when the second
// commit happens, by holding the feed's first read until that commit's notification has arrived.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../src/observability/createLogger.ts";
import type { AppliedEvent } from "../../src/subscriptions/appliedEvents.ts";
import { startAppliedListener } from "../../src/subscriptions/appliedListener.ts";
import { createChangeFeed, type ChangeFeed } from "../../src/subscriptions/changeFeed.ts";
import { eventually } from "../support/outbox.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { workerStack } from "../support/workerStack.ts";

let gateway: TestGateway;
let feed: ChangeFeed;
/** Set by the test: run once, inside the feed's next read, after its rows came back and before the feed sees them. */
let duringNextRead: (() => Promise<void>) | null = null;
const announced: bigint[] = [];

beforeAll(async () => {
  gateway = await startTestGateway(createTestDeps());
  feed = createChangeFeed({
    sql: gateway.deps.sql,
    logger: createLogger("silent"),
    databaseUrl: workerStack().databaseUrl,
    startListener(databaseUrl, logger, handlers, onQuery) {
      const listener = startAppliedListener(databaseUrl, logger, { ...handlers, onApplied: (seq) => (announced.push(seq), handlers.onApplied(seq)) }, onQuery);
      return {
        get connected() {
          return listener.connected;
        },
        stop: () => listener.stop(),
        async rows<Row>(text: string, values: readonly unknown[]) {
          const rows = await listener.rows<Row>(text, values);
          const interleave = text.includes("appliedEventsAfter") ? duringNextRead : null;
          if (interleave) {
            duringNextRead = null;
            await interleave();
          }
          return rows;
        },
      };
    },
  });
  await feed.ready();
});
afterAll(async () => {
  await feed?.stop();
  await gateway?.close();
});

async function renameApplied(brandId: string, name: string): Promise<bigint> {
  const result = await gateway.graphql(`mutation($id: ID!, $name: String!) { updateBrand(id: $id, input: { name: $name }) { id } }`, { id: brandId, name }, { "x-graph-sync": "wait" });
  expect(result.errors).toBeUndefined();
  const [event] = await gateway.deps.prisma.syncEvent.findMany({ where: { entityId: brandId }, orderBy: { id: "desc" }, take: 1, select: { id: true, appliedSeq: true } });
  expect(event!.appliedSeq).not.toBeNull();
  return event!.id;
}

it("delivers a change committed during its read, announced before the read's rows were handed out", async () => {
  const organization = await gateway.graphql(`mutation { createOrganization(input: { name: "Feed race" }) { id } }`, {}, { "x-graph-sync": "wait" });
  const organizationId = organization.data.createOrganization.id as string;
  const brand = await gateway.graphql(`mutation($o: ID!) { createBrand(input: { organizationId: $o, name: "Raced" }) { id } }`, { o: organizationId }, { "x-graph-sync": "wait" });
  const brandId = brand.data.createBrand.id as string;
  // Its creation's notification handled first, so the read held below is the one the renames cause.
  const created = await gateway.deps.prisma.syncEvent.findFirst({ where: { entityId: brandId }, select: { appliedSeq: true } });
  await eventually(async () => announced.at(-1) ?? 0n, (seq) => seq >= created!.appliedSeq!);
  const changes = feed.subscribe({ organizationId, entity: { kind: "brand", id: brandId } });

  let second: bigint | null = null;
  duringNextRead = async () => {
    second = await renameApplied(brandId, "Second");
    const { appliedSeq } = (await gateway.deps.prisma.syncEvent.findUnique({ where: { id: second }, select: { appliedSeq: true } }))!;
    await eventually(async () => announced.at(-1) ?? 0n, (seq) => seq >= appliedSeq!);
  };
  const first = await renameApplied(brandId, "First");

  const next = async (): Promise<AppliedEvent> => {
    const result = await Promise.race([changes.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no change within 10 s")), 10_000))]);
    return result.value as AppliedEvent;
  };
  expect((await next()).id).toBe(first);
  expect(second).not.toBeNull();
  expect((await next()).id).toBe(second);
  await changes.return!();
});

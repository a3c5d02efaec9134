// What a new user runs first: every playground example tab and every request the explorer makes,
// sent to the real gateway with the development token on the demo data, must answer without an error.
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizationStore } from "../../src/stores/organizationStore.ts";
import { exampleTabs } from "../../web/playground/exampleTabs.ts";
import { BRAND_GRAPH, BRAND_LIST, COLOR_BRANDS } from "../../web/explorer/queries.ts";
import { openSubscriptionSocket } from "../support/subscriptionClient.ts";
import { startDemoGateway } from "../support/demoGateway.ts";
import type { TestGateway } from "../support/testDeps.ts";

const operationName = (query: string) => /(?:query|mutation|subscription)\s+(\w+)/.exec(query)![1]!;

describe("the examples a new user runs", () => {
  let gateway: TestGateway;
  let authorization: string;
  let organizationId: string;
  beforeAll(async () => {
    gateway = await startDemoGateway("examples");
    const { token } = (await (await fetch(`${gateway.url}/dev/token`)).json()) as { token: string };
    authorization = `Bearer ${token}`;
    organizationId = (await organizationStore.firstId(gateway.deps.prisma))!;
  }, 120_000);
  afterAll(() => gateway?.close());

  const run = (query: string, variables: Record<string, unknown> = {}) => gateway.graphql(query, variables, { authorization });

  it("answers every playground tab without an error", async () => {
    const names: string[] = [];
    const subscriptionTab = exampleTabs.find((tab) => tab.query.includes("subscription "))!;
    const socket = openSubscriptionSocket(gateway.url, authorization);
    await socket.acknowledged;
    const subscription = socket.subscribe(subscriptionTab.query);
    names.push(operationName(subscriptionTab.query));
    try {
      for (const tab of exampleTabs.filter((t) => t !== subscriptionTab)) {
        names.push(operationName(tab.query));
        // The one placeholder a tab carries is the organization id the user pastes in.
        const variables = tab.variables ? JSON.parse(tab.variables.replace("paste an organization id", organizationId)) : {};
        const reply = await run(tab.query, variables);
        expect(reply.errors, operationName(tab.query)).toBeUndefined();
        expect(Object.values(reply.data ?? {}).every((value) => value !== null), operationName(tab.query)).toBe(true);
      }
      // CreateBrand above is a change of this organization: the live tab reports it.
      const message = await socket.take(subscription, 20_000);
      expect(message.type).toBe("next");
      expect(message.payload.errors).toBeUndefined();
      expect(message.payload.data.graphChanged.eventId).toBeTruthy();
    } finally {
      socket.close();
    }
    expect(names.sort()).toEqual(["BrandWithSimilarBrands", "ColorPairings", "CreateBrand", "GraphBrands", "LiveChanges"]);
  }, 60_000);

  it("answers every request the explorer makes, for every brand and color it lists", async () => {
    const list = await run(print(BRAND_LIST));
    expect(list.errors).toBeUndefined();
    const brands = list.data.brands.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(brands.length).toBeGreaterThan(0);
    const hexes = new Set<string>();
    for (const id of brands) {
      const reply = await run(print(BRAND_GRAPH), { id });
      expect(reply.errors, id).toBeUndefined();
      expect(reply.data.brand.id).toBe(id);
      expect(Array.isArray(reply.data.brand.similarBrands), id).toBe(true);
      for (const color of reply.data.brand.colors) hexes.add(color.hex);
    }
    for (const hex of hexes) {
      const reply = await run(print(COLOR_BRANDS), { hex });
      expect(reply.errors, hex).toBeUndefined();
      expect(reply.data.color?.hex, hex).toBe(hex);
    }
  }, 60_000);
});

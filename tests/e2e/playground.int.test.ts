// A person opening /graphql in a browser gets the bundled GraphiQL playground, with no network
// beyond the gateway, and can run a query and read its result.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchChromium } from "../support/browser.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";

describe("the GraphQL playground in Chromium", () => {
  let gateway: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    // Authentication on, as `npm start` runs it: the page gets a development token from /dev/token.
    gateway = await startTestGateway(
      createTestDeps({ verifyToken: tenancyVerifier(), devToken: async () => (await tenancyHeaders("admin", "playground-org")).authorization!.slice("Bearer ".length) }),
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it("serves GraphiQL from the gateway alone, runs a query and shows its result", async () => {
    const page = await browser.newPage();
    const foreignRequests: string[] = [];
    const introspections: number[] = [];
    page.on("response", (response) => {
      if (response.request().postData()?.includes("IntrospectionQuery")) introspections.push(response.status());
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(gateway.url)) foreignRequests.push(request.url());
    });

    await page.goto(`${gateway.url}/graphql`);
    const tabs = page.locator(".graphiql-tab");
    await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const examples = await tabs.count();
    await page.locator(".graphiql-tab-add").click();
    await expect.poll(() => tabs.count()).toBe(examples + 1);
    const editor = page.locator(".graphiql-query-editor .CodeMirror").first();
    await editor.waitFor();
    // CodeMirror keeps its text in its own model; set it the way a paste would.
    await editor.evaluate((el, text) => (el as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(text), "query Health { health { postgres graph } }");
    await expect.poll(() => tabs.last().innerText()).toContain("Health");
    await page.locator(".graphiql-execute-button").click();

    const response = page.locator(".result-window .CodeMirror-code");
    await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain('"graph": "HEALTHY"');
    await page.screenshot({ path: artifactPath("playground.png") });

    expect(foreignRequests).toEqual([]);
    // The docs panel's first introspection carries the development token: answered, never 401.
    expect(introspections.length).toBeGreaterThanOrEqual(1);
    expect(introspections.every((status) => status === 200), String(introspections)).toBe(true);
  }, 60_000);
});

describe("a subscription in the playground", () => {
  let gateway: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    gateway = await startTestGateway();
    await gateway.deps.changes!.ready();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it("runs over WebSocket and shows a change made meanwhile", async () => {
    const page = await browser.newPage();
    await page.goto(`${gateway.url}/graphql`);
    const tabs = page.locator(".graphiql-tab");
    await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    await page.locator(".graphiql-tab-add").click();
    const editor = page.locator(".graphiql-query-editor .CodeMirror").first();
    await editor.waitFor();
    await editor.evaluate((el, text) => (el as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(text), "subscription Live { graphChanged { entity id operation } }");
    await expect.poll(() => tabs.last().innerText()).toContain("Live");
    const before = gateway.deps.changes!.subscriberCount();
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => gateway.deps.changes!.subscriberCount(), { timeout: 15_000 }).toBe(before + 1);

    const organization = await gateway.deps.prisma.organization.create({ data: { name: "Playground live" } });
    try {
      const created = await gateway.graphql(`mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }`, {
        input: { organizationId: organization.id, name: "Seen live", colors: [] },
      });
      const response = page.locator(".result-window .CodeMirror-code");
      await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain(created.data.createBrand.id);
    } finally {
      await gateway.deps.prisma.organization.delete({ where: { id: organization.id } });
    }
  }, 60_000);
});

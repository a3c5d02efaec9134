// A single-page app served from another origin calls the gateway from Chromium: an allowed origin
// gets its answer (token, JSON, credentials mode "include") and can read x-request-id and error
// statuses; a page of any other origin is stopped by the browser's CORS check.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";
import { graphFixtures } from "../support/graphFixtures.ts";

/** Serves one empty page on its own port: the other origin. */
async function servePage(): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>another origin</title>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Answer {
  readonly ok: boolean;
  readonly status?: number;
  readonly requestId?: string | null;
  readonly body?: any;
  readonly error?: string;
}

/** A fetch made by the page's own script, as a frontend would make it. */
const callFrom = (page: Page, url: string, headers: Record<string, string>, query: string) =>
  page.evaluate(
    async ({ url, headers, query }): Promise<Answer> => {
      try {
        const res = await fetch(url, { method: "POST", credentials: "include", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
        return { ok: true, status: res.status, requestId: res.headers.get("x-request-id"), body: await res.json() };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    },
    { url, headers, query },
  );

describe("a page on another origin calling the gateway from Chromium", () => {
  let gateway: TestGateway;
  let browser: Browser;
  let page: { port: number; close(): Promise<void> };
  let organizationId: string;
  let fixtures: ReturnType<typeof graphFixtures>;

  beforeAll(async () => {
    page = await servePage();
    // The page is served at 127.0.0.1 and localhost, two origins; only the localhost one is allowed.
    const deps = createTestDeps({ verifyToken: tenancyVerifier(), config: { cors: { allowedOrigins: [`http://localhost:${page.port}`] } } });
    gateway = await startTestGateway(deps);
    fixtures = graphFixtures(deps);
    organizationId = await fixtures.organization();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await fixtures?.cleanup();
    await gateway?.close();
    await page?.close();
  });

  it("answers an allowed origin's preflighted, credentialed request, and lets it read x-request-id", async () => {
    const tab = await browser.newPage();
    await tab.goto(`http://localhost:${page.port}/`);
    const answer = await callFrom(tab, `${gateway.url}/graphql`, await tenancyHeaders("viewer", organizationId), `{ organization(id: "${organizationId}") { id } }`);
    expect(answer.error).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body.data.organization.id).toBe(organizationId);
    expect(answer.requestId).toMatch(/^[\w.-]+$/);
  }, 60_000);

  it("lets an allowed origin read an error's status and code", async () => {
    const tab = await browser.newPage();
    await tab.goto(`http://localhost:${page.port}/`);
    const answer = await callFrom(tab, `${gateway.url}/graphql`, { authorization: "Bearer not-a-token" }, "{ health { postgres } }");
    expect(answer.status).toBe(401);
    expect(answer.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  }, 60_000);

  it("is blocked by the browser on an origin not allowed", async () => {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${page.port}/`);
    const answer = await callFrom(tab, `${gateway.url}/graphql`, await tenancyHeaders("viewer", organizationId), `{ organization(id: "${organizationId}") { id } }`);
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/TypeError/);
  }, 60_000);
});

// A new user's first visit, as `npm start` serves it (authentication on, the development token, the
// demo data in the graph): the playground and the explorer open without a single console error or
// failed request, and GraphiQL's docs panel shows the schema at once, with nothing to re-fetch.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { startDemoGateway } from "../support/demoGateway.ts";
import type { TestGateway } from "../support/testDeps.ts";

/** Everything a page did wrong as a browser sees it: console errors, uncaught errors, failed or refused requests. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  return problems;
}

describe("a new user's first visit", () => {
  let gateway: TestGateway;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    gateway = await startDemoGateway("first_visit");
    browser = await launchChromium();
    // A fresh profile: no pasted token, nothing cached.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it("opens the playground with no error and its docs panel shows the schema at once", async () => {
    const page = await context.newPage();
    const problems = watchProblems(page);
    const introspections: number[] = [];
    page.on("response", (response) => {
      if (response.request().postData()?.includes("IntrospectionQuery")) introspections.push(response.status());
    });
    await page.goto(`${gateway.url}/graphql`);
    await expect.poll(() => page.locator(".graphiql-tab").count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4);

    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await expect.poll(() => docs.locator(".graphiql-doc-explorer-root-type").allInnerTexts(), { timeout: 20_000 }).toEqual(["query", "mutation", "subscription"]);
    await docs.locator(".graphiql-doc-explorer-type-name", { hasText: /^Query$/ }).click();
    await expect.poll(() => docs.locator(".graphiql-doc-explorer-field-name").allInnerTexts(), { timeout: 20_000 }).toEqual(
      expect.arrayContaining(["brands", "color", "graphBrands"]),
    );
    expect(await page.getByText("Error fetching schema").count()).toBe(0);
    expect(introspections).toEqual([200]);

    // The first tab runs as it stands, without an error, on the demo brands. (How many similar brands
    // it finds depends on the test graph, which other files' copies of the demo set share and change.)
    const answered = page.waitForResponse((response) => response.request().postData()?.includes("query BrandWithSimilarBrands") ?? false, { timeout: 20_000 });
    await page.locator(".graphiql-execute-button").click();
    const reply = (await (await answered).json()) as { data: { brands: { edges: Array<{ node: { similarBrands: unknown[] } }> } }; errors?: unknown };
    expect(reply.errors).toBeUndefined();
    expect(reply.data.brands.edges.length).toBeGreaterThan(0);
    for (const { node } of reply.data.brands.edges) expect(Array.isArray(node.similarBrands)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("opens the explorer with no error, drawing the first demo brand, its palette and the similar brands it was given", async () => {
    const page = await context.newPage();
    const problems = watchProblems(page);
    // The explorer sends its documents by id (trusted documents): the brand's is the one with an id variable.
    const askedForBrand = (postData: string | null) => (JSON.parse(postData ?? "{}") as { variables?: { id?: string } }).variables?.id !== undefined;
    const answered = page.waitForResponse((response) => response.url().endsWith("/graphql") && askedForBrand(response.request().postData()), { timeout: 20_000 });
    await page.goto(`${gateway.url}/explorer`);
    const reply = (await (await answered).json()) as {
      data: { brand: { id: string; colors: unknown[]; similarBrands: unknown[] } };
      errors?: unknown;
    };
    expect(reply.errors).toBeUndefined();
    const { brand } = reply.data;
    expect(brand.colors.length).toBeGreaterThan(0);
    expect(Array.isArray(brand.similarBrands)).toBe(true);
    // Exactly what the answer holds is drawn. (How many similar brands it holds depends on the test
    // graph, which other files' copies of the demo set share: a copy's brand ranks first and, having no
    // row in this database, is dropped.)
    const drawn = () =>
      page.evaluate((id) => {
        const { cy } = (window as unknown as { explorer: { cy: any } }).explorer;
        return {
          brand: cy.getElementById(`brand:${id}`).length as number,
          colors: cy.nodes('[kind = "color"]').length as number,
          similar: cy.nodes('[kind = "brand"][?foreign]').length as number,
        };
      }, brand.id);
    await expect.poll(drawn, { timeout: 20_000 }).toEqual({ brand: 1, colors: expect.any(Number), similar: brand.similarBrands.length });
    expect((await drawn()).colors).toBeGreaterThanOrEqual(brand.colors.length);
    await expect.poll(() => page.locator("#status").textContent()).toBe("");
    expect(await page.locator("#identity").textContent()).toBe("Development token");
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("answers /favicon.ico and any other unknown path 404 without asking for a token", async () => {
    for (const path of ["/favicon.ico", "/robots.txt", "/apple-touch-icon.png"]) {
      const res = await fetch(`${gateway.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("www-authenticate"), path).toBeNull();
      expect(((await res.json()) as { error: string }).error, path).toBe("NOT_FOUND");
    }
  });
});

// The explorer works with any organization's token: a person pastes one, and from then on, for the
// tab's session, sees that organization's brands only. A similar brand of another organization is
// shown as the schema's ForeignBrand allows (its name, the colors it shares, the score), and
// clicking it asks the gateway for nothing more.
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/auth/access.ts";
import { launchChromium } from "../support/browser.ts";
import { crudFactory } from "../support/crudFactory.ts";
import { operatorHeaders, tenancyHeaders, tenancyVerifier } from "../support/tenants.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

const hexOf = () => `#${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, "0").toUpperCase()}`;
const bare = (headers: Record<string, string>) => headers.authorization!.slice("Bearer ".length);

interface Shown {
  picker: string[];
  brands: Array<{ id: string; name: string; foreign: boolean }>;
  assets: number;
  templates: number;
  colors: string[];
}

/** What the explorer shows: its picker's brands and the nodes of its graph. */
const shownBy = (page: Page) =>
  page.evaluate((): Shown => {
    const cy = (window as unknown as { explorer: { cy: any } }).explorer.cy;
    return {
      picker: [...(document.getElementById("brand-picker") as HTMLSelectElement).options].map((o) => o.text).sort(),
      brands: cy.nodes('[kind = "brand"]').map((n: any) => ({ id: n.data("brandId"), name: n.data("label"), foreign: Boolean(n.data("foreign")) })),
      assets: cy.nodes('[kind = "asset"]').length,
      templates: cy.nodes('[kind = "template"]').length,
      colors: cy.nodes('[kind = "color"]').map((n: any) => n.data("hex")).sort(),
    };
  });

async function pasteToken(page: Page, token: string): Promise<void> {
  await page.locator("#token-input").fill(token);
  await page.locator("#token-form button[type=submit]").click();
}

describe("the explorer with a pasted token", () => {
  let gateway: TestGateway;
  let browser: Browser;
  const palette = [hexOf(), hexOf(), hexOf()].sort();
  /** The development token's organization (an admin of it, as `npm start` hands out). */
  const first = { organizationId: "", brandId: "", brandName: "", assetPrompt: "" };
  /** A second organization, whose token is pasted. */
  const second = { organizationId: "", brandNames: [] as string[], brandId: "" };

  beforeAll(async () => {
    gateway = await startTestGateway(
      createTestDeps({ verifyToken: tenancyVerifier(), devToken: async () => bare(await tenancyHeaders("admin", first.organizationId)) }),
    );
    browser = await launchChromium();
    const sync = { afterCommit: (ids: readonly bigint[]) => gateway.deps.sync.afterCommit(ids, { waitForGraph: true }) };
    const make = crudFactory({ sql: gateway.deps.sql, sync });
    const colors = palette.map((hex, i) => ({ hex, name: `Shared ${i}`, usage: "primary", usageWeight: 0.5, context: null }));

    first.organizationId = (await make.organization()).id;
    const firstBrand = await make.brand(first.organizationId, { name: "First's brand", colors });
    first.brandId = firstBrand.id;
    first.brandName = firstBrand.name;
    const firstAsset = await make.asset(firstBrand.id, { prompt: "First's unpublished campaign", colors: [{ hex: palette[0]!, coverage: 1 }] });
    first.assetPrompt = firstAsset.prompt;
    await make.template(firstBrand.id, { name: "First's template", sourceAssetId: firstAsset.id });

    second.organizationId = (await make.organization()).id;
    const secondBrand = await make.brand(second.organizationId, { name: "Second's brand", colors });
    const secondOther = await make.brand(second.organizationId, { name: "Second's other brand", colors: [{ ...colors[0]!, usageWeight: 1 }] });
    await make.asset(secondBrand.id, { prompt: "Second's campaign", colors: [{ hex: palette[1]!, coverage: 1 }] });
    second.brandId = secondBrand.id;
    second.brandNames = [secondBrand.name, secondOther.name].sort();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it("starts with the development token's organization", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${gateway.url}/explorer`);
    await expect.poll(async () => (await shownBy(page)).picker, { timeout: 20_000 }).toEqual([first.brandName]);
    await expect.poll(() => page.locator("#identity").textContent()).toBe("Development token");
  }, 60_000);

  for (const role of ["viewer", "editor"] as const satisfies readonly Role[]) {
    it(`shows only the second organization's brands once its ${role}'s token is pasted, for the rest of the session`, async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      await page.goto(`${gateway.url}/explorer`);
      await expect.poll(async () => (await shownBy(page)).picker, { timeout: 20_000 }).toEqual([first.brandName]);

      await pasteToken(page, `Bearer ${bare(await tenancyHeaders(role, second.organizationId))}`);
      await expect.poll(async () => (await shownBy(page)).picker, { timeout: 20_000 }).toEqual(second.brandNames);
      await expect.poll(() => page.locator("#identity").textContent()).toBe(`Pasted token: ${role} of ${second.organizationId}`);
      await expect.poll(async () => (await shownBy(page)).brands.filter((b) => !b.foreign).length, { timeout: 20_000 }).toBe(1);
      const shown = await shownBy(page);
      // The first organization's brand is there only as the second's similar brand: a ForeignBrand.
      expect(shown.brands.filter((b) => !b.foreign).every((b) => second.brandNames.includes(b.name))).toBe(true);
      expect(shown.brands.filter((b) => b.foreign)).toEqual([{ id: first.brandId, name: first.brandName, foreign: true }]);

      // Kept for the session: a reload uses the pasted token, until it is forgotten.
      await page.reload();
      await expect.poll(async () => (await shownBy(page)).picker, { timeout: 20_000 }).toEqual(second.brandNames);
      await page.locator("#token-forget").click();
      await expect.poll(async () => (await shownBy(page)).picker, { timeout: 20_000 }).toEqual([first.brandName]);
      await page.close();
    }, 90_000);
  }

  it("uses a token pasted into the playground's headers editor too, in the same tab", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${gateway.url}/graphql`);
    const headers = page.locator(".graphiql-editor-tool .CodeMirror >> visible=true").first();
    await headers.waitFor({ timeout: 20_000 });
    const pasted = JSON.stringify({ Authorization: `Bearer ${bare(await tenancyHeaders("viewer", second.organizationId))}` });
    // CodeMirror keeps its text in its own model; set it the way a paste would.
    await headers.evaluate((el, text) => (el as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(text), pasted);
    await page.goto(`${gateway.url}/explorer`);
    await expect.poll(async () => (await shownBy(page)).picker, { timeout: 20_000 }).toEqual(second.brandNames);
    expect(await page.locator("#identity").textContent()).toBe(`Pasted token: viewer of ${second.organizationId}`);
    await page.close();
  }, 60_000);

  it("says the platform operator's token sees no organization's brands, and shows none", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${gateway.url}/explorer`);
    await expect.poll(async () => (await shownBy(page)).picker, { timeout: 20_000 }).toEqual([first.brandName]);
    await pasteToken(page, bare(await operatorHeaders()));
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 20_000 }).toMatch(/^FORBIDDEN: /);
    expect(await shownBy(page)).toEqual({ picker: [], brands: [], assets: 0, templates: 0, colors: [] });
    await page.close();
  }, 60_000);

  it("shows what may be seen of another organization's similar brand when it is clicked, and asks for nothing more", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${gateway.url}/explorer`);
    await expect.poll(async () => (await shownBy(page)).picker, { timeout: 20_000 }).toEqual([first.brandName]);
    await pasteToken(page, bare(await tenancyHeaders("editor", second.organizationId)));
    await page.locator("#brand-picker").selectOption(second.brandId);
    await expect.poll(async () => (await shownBy(page)).brands.some((b) => b.foreign), { timeout: 20_000 }).toBe(true);
    const before = await shownBy(page);

    const asked: Request[] = [];
    page.on("request", (request) => asked.push(request));
    await page.evaluate((id) => {
      const cy = (window as unknown as { explorer: { cy: any } }).explorer.cy;
      cy.getElementById(`brand:${id}`).emit("tap");
    }, first.brandId);

    await expect.poll(() => page.locator("#details h2").textContent()).toBe(first.brandName);
    const swatches = await page.locator("#details .shared-colors li").evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.hex));
    expect(swatches).toEqual(palette);
    expect(await page.locator("#details .similarity").textContent()).toBe("Similarity score: 1.00 (3 shared colors)");
    expect(await page.locator("#details .foreign-note").textContent()).toContain("only its name and the colors it shares");
    // Its shared colors are drawn as its edges; nothing of it beyond them is fetched or drawn.
    const after = await shownBy(page);
    expect(after.brands).toEqual(before.brands);
    expect([after.assets, after.templates]).toEqual([before.assets, before.templates]);
    expect(after.colors).toEqual([...new Set([...before.colors, ...palette])].sort());
    expect(asked.map((r) => r.url())).toEqual([]);
    const text = await page.locator("body").innerText();
    for (const hidden of [first.organizationId, first.assetPrompt, "First's template"]) expect(text).not.toContain(hidden);
    await page.close();
  }, 90_000);
});

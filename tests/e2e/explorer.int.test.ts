// A brand manager opens the graph explorer on a brand and sees its palette as color nodes, filled
// with their real colors, next to its assets, templates and similar brands; clicking a color
// brings in the other brands that use it; clicking an asset shows the swatches extracted from its
// image with their coverage, and its compliance score.
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath, launchChromium } from "../support/browser.ts";
import { crudFactory } from "../support/crudFactory.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";

const hexOf = () => `#${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, "0").toUpperCase()}`;

/** What the explorer's graph holds, read from its Cytoscape instance. */
const graphOf = (page: Page) =>
  page.evaluate((): { colors: Array<{ hex: string; fill: string }>; brands: string[]; assets: number; templates: number; weights: string[] } => {
    const cy = (window as unknown as { explorer: { cy: any } }).explorer.cy;
    return {
      colors: cy.nodes('[kind = "color"]').map((n: any) => ({ hex: n.data("hex"), fill: n.style("background-color") })),
      brands: cy.nodes('[kind = "brand"]').map((n: any) => n.data("label")),
      assets: cy.nodes('[kind = "asset"]').length,
      templates: cy.nodes('[kind = "template"]').length,
      weights: cy.edges('[kind = "OWNS_COLOR"]').map((e: any) => e.data("label")),
    };
  });

describe("the brand graph explorer in Chromium", () => {
  let gateway: TestGateway;
  let browser: Browser;
  const palette = [hexOf(), hexOf(), hexOf()];
  let brandId: string;
  let assetId: string;
  let neighbourName: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    browser = await launchChromium();
    // Each write waits until the graph has it, as a client sending `x-graph-sync: wait` would.
    const sync = { afterCommit: (ids: readonly bigint[]) => gateway.deps.sync.afterCommit(ids, { waitForGraph: true }) };
    const make = crudFactory({ sql: gateway.deps.sql, sync });
    // More brands than the picker's first page come before ours, as in any real database.
    const filler = await make.organization();
    await gateway.deps.prisma.brand.createMany({ data: Array.from({ length: 101 }, (_, i) => ({ organizationId: filler.id, name: `Filler ${i}` })) });
    const colors = palette.map((hex, i) => ({ hex, name: `Color ${i}`, usage: i === 0 ? "primary" : "accent", usageWeight: 0.6 - i * 0.2, context: null }));
    const brand = await make.brand((await make.organization()).id, { name: "Explorer Brand", colors });
    brandId = brand.id;
    const asset = await make.asset(brand.id, { colors: [{ hex: palette[0]!, coverage: 0.7 }] });
    assetId = asset.id;
    // Its image is the first palette color, edge to edge: one extracted swatch, fully on palette.
    const image = await sharp({ create: { width: 64, height: 64, channels: 3, background: palette[0]! } }).png().toBuffer();
    const upload = await fetch(`${gateway.url}/v1/assets/${asset.id}/image`, { method: "PUT", headers: { "x-graph-sync": "wait" }, body: new Uint8Array(image) });
    expect(upload.status).toBe(200);
    await make.template(brand.id, { sourceAssetId: asset.id });
    const neighbour = await make.brand((await make.organization()).id, { colors: [colors[0]!] });
    neighbourName = neighbour.name;
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it("draws the brand's colors in their own color, with its asset, template and usage weights", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${gateway.url}/explorer?brand=${brandId}`);
    await expect.poll(async () => (await graphOf(page)).colors.length, { timeout: 20_000 }).toBe(3);
    const graph = await graphOf(page);
    expect(graph.colors.map((c) => c.hex).sort()).toEqual([...palette].sort());
    for (const { hex, fill } of graph.colors) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      expect(fill).toBe(`rgb(${r},${g},${b})`);
    }
    expect(graph.brands).toContain("Explorer Brand");
    expect(graph.assets).toBe(1);
    expect(graph.templates).toBe(1);
    expect(graph.weights.sort()).toEqual(["0.20", "0.40", "0.60"]);
    await page.screenshot({ path: artifactPath("explorer.png") });
  }, 60_000);

  it("expands a color into every brand using it when the color is clicked", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${gateway.url}/explorer?brand=${brandId}`);
    await expect.poll(async () => (await graphOf(page)).colors.length, { timeout: 20_000 }).toBe(3);
    await page.evaluate((hex) => {
      const cy = (window as unknown as { explorer: { cy: any } }).explorer.cy;
      cy.getElementById(`color:${hex}`).emit("tap");
    }, palette[0]);
    await expect.poll(async () => (await graphOf(page)).brands, { timeout: 20_000 }).toContain(neighbourName);
  }, 60_000);

  it("shows an asset's extracted swatches with their coverage and its compliance score when the asset is clicked", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${gateway.url}/explorer?brand=${brandId}`);
    await expect.poll(async () => (await graphOf(page)).assets, { timeout: 20_000 }).toBe(1);
    await page.evaluate((id) => {
      const cy = (window as unknown as { explorer: { cy: any } }).explorer.cy;
      cy.getElementById(`asset:${id}`).emit("tap");
    }, assetId);
    await expect.poll(() => page.locator("#details .compliance").textContent(), { timeout: 20_000 }).toBe("Compliance score: 1.00");
    const swatches = await page.locator("#details .swatches li").evaluateAll((items) =>
      items.map((li) => ({ hex: (li as HTMLElement).dataset.hex, text: li.textContent, chip: getComputedStyle(li.querySelector(".chip")!).backgroundColor })),
    );
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(palette[0]!.slice(i, i + 2), 16));
    expect(swatches).toEqual([{ hex: palette[0], text: `${palette[0]} 100.0% (extracted · on palette)`, chip: `rgb(${r}, ${g}, ${b})` }]);
    await page.screenshot({ path: artifactPath("explorer-asset.png") });
  }, 60_000);
});

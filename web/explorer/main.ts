// The brand graph explorer: pick a brand, see its palette, assets, templates and similar brands as
// a graph; click a brand to expand it, a color to see every brand using it, another organization's
// similar brand to see what may be seen of it. Data comes from the gateway's own GraphQL API, as
// the token in use (pasted, else the development token) may see it: exactly what a client would get.
import cytoscape, { type ElementDefinition } from "cytoscape";
import { bearerToken, graphql, pastedToken, rememberToken, tokenClaims } from "../shared/gatewayClient.ts";
import type { ExplorerBrandQuery as BrandGraph, ExplorerColorQuery as ColorBrands } from "../generated/graphql.ts";
import { assetDetails } from "./assetDetails.ts";
import { foreignBrandDetails } from "./foreignBrandDetails.ts";
import { BRAND_GRAPH, BRAND_LIST, COLOR_BRANDS } from "./queries.ts";
import { graphStyle } from "./style.ts";
import "./explorer.css";

const picker = document.getElementById("brand-picker") as HTMLSelectElement;
const status = document.getElementById("status")!;
const details = document.getElementById("details")!;
const tokenForm = document.getElementById("token-form") as HTMLFormElement;
const tokenInput = document.getElementById("token-input") as HTMLInputElement;
const identity = document.getElementById("identity")!;

const cy = cytoscape({ container: document.getElementById("graph"), style: graphStyle, wheelSensitivity: 0.3 });
(window as unknown as { explorer: unknown }).explorer = { cy };

const fmt = (n: number | null | undefined) => (n == null ? "" : n.toFixed(2));

function add(elements: ElementDefinition[]): void {
  cy.add(elements.filter((e) => cy.getElementById(e.data.id!).empty()));
}

function brandElements({ brand }: BrandGraph): ElementDefinition[] {
  if (!brand) return [];
  const b = `brand:${brand.id}`;
  return [
    { data: { id: b, kind: "brand", label: brand.name, brandId: brand.id } },
    ...brand.colors.flatMap((c) => [
      { data: { id: `color:${c.hex}`, kind: "color", label: c.hex, hex: c.hex } },
      { data: { id: `${b}->${c.hex}`, source: b, target: `color:${c.hex}`, kind: "OWNS_COLOR", weight: c.usageWeight ?? 0, label: fmt(c.usageWeight) } },
    ]),
    ...brand.assets.edges.flatMap(({ node: a }) => [
      { data: { id: `asset:${a.id}`, kind: "asset", label: a.status, asset: a } },
      { data: { id: `${b}->${a.id}`, source: b, target: `asset:${a.id}`, kind: "GENERATED_ASSET", label: "" } },
      ...a.colors.flatMap((c) => [
        { data: { id: `color:${c.hex}`, kind: "color", label: c.hex, hex: c.hex } },
        { data: { id: `${a.id}->${c.hex}`, source: `asset:${a.id}`, target: `color:${c.hex}`, kind: "USES_COLOR", label: fmt(c.coverage) } },
      ]),
    ]),
    ...brand.templates.map((t) => ({ data: { id: `template:${t.id}`, kind: "template", label: t.name } })),
    ...brand.templates.map((t) => ({ data: { id: `${b}->${t.id}`, source: b, target: `template:${t.id}`, kind: "HAS_TEMPLATE", label: "" } })),
    ...(brand.similarBrands ?? []).flatMap((s) => [
      // Another organization's brand (a ForeignBrand): its name and the colors it shares are all there is to show.
      { data: { id: `brand:${s.brand.id}`, kind: "brand", label: s.brand.name, brandId: s.brand.id, foreign: true, shared: s.sharedColors, score: s.similarityScore } },
      { data: { id: `${b}~${s.brand.id}`, source: b, target: `brand:${s.brand.id}`, kind: "SIMILAR", weight: s.similarityScore, label: `${fmt(s.similarityScore)} (${s.sharedColorCount})` } },
    ]),
  ];
}

function colorElements({ color }: ColorBrands): ElementDefinition[] {
  if (!color) return [];
  return (color.brands ?? []).flatMap((o) => [
    { data: { id: `brand:${o.brand.id}`, kind: "brand", label: o.brand.name, brandId: o.brand.id } },
    { data: { id: `${`brand:${o.brand.id}`}->${color.hex}`, source: `brand:${o.brand.id}`, target: `color:${color.hex}`, kind: "OWNS_COLOR", weight: o.usageWeight ?? 0, label: fmt(o.usageWeight) } },
  ]);
}

function relayout(): void {
  cy.layout({ name: "cose", animate: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 80 }).run();
  document.body.dataset.colorNodes = String(cy.nodes('[kind = "color"]').length);
}

async function run(label: string, work: () => Promise<void>): Promise<void> {
  status.textContent = label;
  try {
    await work();
    status.textContent = "";
  } catch (error) {
    status.textContent = (error as Error).message;
  }
}

/**
 * Bumped whenever the token changes: an answer asked for with the previous token arrives late and
 * must not draw that token's organization into the new one's view.
 */
let tokenGeneration = 0;

/** Asks with the current token; null when the token changed while the answer was on its way. */
async function ask<T>(request: () => Promise<T>): Promise<T | null> {
  const asked = tokenGeneration;
  const answer = await request();
  return asked === tokenGeneration ? answer : null;
}

async function showBrand(id: string, replace: boolean): Promise<void> {
  const data = await ask(() => graphql(BRAND_GRAPH, { id }));
  if (!data) return;
  if (replace) cy.elements().remove();
  add(brandElements(data));
  relayout();
  // A brand asked for by link may be beyond the picker's first page: list it, so the picker shows it.
  if (data.brand && ![...picker.options].some((o) => o.value === id)) picker.add(new Option(data.brand.name, id));
  if (replace && data.brand) picker.value = id;
}

/** What may be seen of another organization's brand: its name and the colors it shares, drawn as edges. */
function showForeignBrand(data: { brandId: string; shared: string[]; score: number }): void {
  details.append(...foreignBrandDetails({ shared: data.shared, score: data.score }));
  add(
    data.shared.flatMap((hex) => [
      { data: { id: `color:${hex}`, kind: "color", label: hex, hex } },
      { data: { id: `brand:${data.brandId}->${hex}`, source: `brand:${data.brandId}`, target: `color:${hex}`, kind: "OWNS_COLOR", weight: 0, label: "" } },
    ]),
  );
  relayout();
}

cy.on("tap", "node", (event) => {
  const node = event.target;
  const data = node.data();
  details.textContent = "";
  const title = document.createElement("h2");
  title.textContent = data.label;
  details.append(title);
  if (data.kind === "brand" && data.foreign) showForeignBrand(data);
  if (data.kind === "brand" && !data.foreign) void run("Loading brand…", () => showBrand(data.brandId, false));
  if (data.kind === "color") {
    void run("Loading color…", async () => {
      const owners = await ask(() => graphql(COLOR_BRANDS, { hex: data.hex }));
      if (!owners) return;
      add(colorElements(owners));
      relayout();
    });
  }
  if (data.kind === "asset") details.append(...assetDetails(data.asset));
});

picker.addEventListener("change", () => void run("Loading brand…", () => showBrand(picker.value, true)));

/** Whose eyes the explorer sees through: the pasted token's role and organization, or the development token. */
async function showIdentity(): Promise<void> {
  const pasted = pastedToken();
  if (pasted) {
    const { org, role } = tokenClaims(pasted);
    identity.textContent = role ? `Pasted token: ${role}${org ? ` of ${org}` : ""}` : "Pasted token";
  } else {
    identity.textContent = (await bearerToken()) ? "Development token" : "No token: paste one";
  }
}

/** Everything shown comes from one token: a new one starts from its own organization's brands. */
async function loadBrands(wanted: string | null): Promise<void> {
  tokenGeneration++;
  cy.elements().remove();
  picker.replaceChildren();
  details.replaceChildren();
  await showIdentity();
  const list = await ask(() => graphql(BRAND_LIST));
  if (!list) return;
  const { brands } = list;
  for (const { node } of brands.edges) picker.add(new Option(node.name, node.id));
  const first = wanted ?? picker.value;
  if (first) await showBrand(first, true);
}

tokenForm.addEventListener("submit", (event) => {
  event.preventDefault();
  rememberToken(tokenInput.value);
  tokenInput.value = "";
  void run("Loading brands…", () => loadBrands(null));
});
document.getElementById("token-forget")!.addEventListener("click", () => {
  rememberToken(null);
  void run("Loading brands…", () => loadBrands(null));
});

void run("Loading brands…", () => loadBrands(new URLSearchParams(location.search).get("brand")));

// A palette name is tenant data: two organizations name the same colors differently, and each
// caller reads only its own organization's name for a color (the smallest its brands give it), or
// none — through the contract (Color.name, ColorPairing.color.name), the REST routes and the
// generated API. Only with authentication off does a color carry the smallest name of all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/auth/access.ts";
import { readGraphColors, reconcileColorBatch } from "../../src/backfill/reconcileColorBatch.ts";
import { startGraphTenants, type GraphTenant, type GraphTenants } from "../support/graphTenants.ts";
import { tenancyHeaders } from "../support/tenants.ts";
import { startTestGateway, type TestGateway } from "../support/testDeps.ts";
import { runFor } from "../support/unsyncedData.ts";
import { toReconcileReport } from "../../src/backfill/runReports.ts";

let tenants: GraphTenants;
beforeAll(async () => {
  tenants = await startGraphTenants();
});
afterAll(() => tenants?.close());

const CALLERS = (["own", "foreign"] as const).flatMap((side) => (["viewer", "editor", "admin"] as Role[]).map((role) => [side, role] as const));
const callerOf = (side: "own" | "foreign") => (side === "own" ? tenants.own : tenants.foreign);
const otherOf = (side: "own" | "foreign") => (side === "own" ? tenants.foreign : tenants.own);

async function ask(side: "own" | "foreign", role: Role, query: string, variables: Record<string, unknown>) {
  const result = await tenants.graphql(role, query, variables, callerOf(side).organizationId);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function get(side: "own" | "foreign", role: Role, path: string) {
  const res = await fetch(`${tenants.gateway.url}${path}`, { headers: await tenancyHeaders(role, callerOf(side).organizationId) });
  expect(res.status).toBe(200);
  return res.json();
}

/** The caller's own names for the shared colors, ascending hex: the smallest each organization gives. */
const ownNames = (caller: GraphTenant) => [caller.firstSharedName, caller.paletteNames[1], caller.paletteNames[2]];

describe.each(CALLERS)("the %s organization's %s", (side, role) => {
  it("reads its own name for a color through Color.name, whichever statement answers it", async () => {
    const caller = callerOf(side);
    const [first] = tenants.sharedHexes;
    const data = await ask(
      side,
      role,
      `query ($hex: String!, $otherOnly: String!, $ownOnly: String!) {
         plain: color(hex: $hex) { name }
         withBrands: color(hex: $hex) { name brands { brand { id } } }
         withPairings: color(hex: $hex) { name pairings(minSamples: 1) { pairingCount } }
         ownOnly: color(hex: $ownOnly) { name }
         otherOnly: color(hex: $otherOnly) { hex name } }`,
      { hex: first, ownOnly: caller.onlyHex, otherOnly: otherOf(side).onlyHex },
    );
    expect([data.plain.name, data.withBrands.name, data.withPairings.name]).toEqual([caller.firstSharedName, caller.firstSharedName, caller.firstSharedName]);
    expect(data.ownOnly.name).toBe(caller.paletteNames[3]);
    // The color exists (the other organization uses it) but the caller's organization names it nowhere.
    expect(data.otherOnly).toEqual({ hex: otherOf(side).onlyHex, name: null });
  });

  it("reads its own names for paired colors (ColorPairing.color.name), counted over every organization", async () => {
    const [first, second, third] = tenants.sharedHexes;
    const data = await ask(side, role, `query ($hex: String!) { color(hex: $hex) { pairings(minSamples: 1) { color { hex name } pairingCount } } }`, { hex: first });
    const [, secondName, thirdName] = ownNames(callerOf(side));
    expect(data.color.pairings).toEqual([
      { color: { hex: second, name: secondName }, pairingCount: 2 },
      { color: { hex: third, name: thirdName }, pairingCount: 2 },
    ]);
  });

  it("REST: a brand's colors by its own palette names, and pairings by the caller's names", async () => {
    const caller = callerOf(side);
    const [first, second, third] = tenants.sharedHexes as [string, string, string];
    const [firstBrand, secondBrand] = caller.brandIds;
    const names = (body: any) => Object.fromEntries(body.colors.map((c: { hex: string; name: string }) => [c.hex, c.name]));
    // Each brand's own name for the first shared color, not its organization's smallest.
    expect(names(await get(side, role, `/v1/brands/${firstBrand}/graph`))).toEqual({
      [first]: caller.paletteNames[0],
      [second]: caller.paletteNames[1],
      [third]: caller.paletteNames[2],
      [caller.onlyHex]: caller.paletteNames[3],
    });
    expect(names(await get(side, role, `/v1/brands/${secondBrand}/graph`))).toEqual({ [first]: caller.firstSharedName });
    const pairings = await get(side, role, `/v1/colors/${first.slice(1)}/pairings?min_samples=1`);
    expect(pairings.pairings.map((p: any) => [p.paired_hex, p.paired_name, p.pairing_count])).toEqual([
      [second, caller.paletteNames[1], 2],
      [third, caller.paletteNames[2], 2],
    ]);
  });

  it("the generated API: GraphColor.name is its organization's, an OWNS_COLOR's name its brand's", async () => {
    const caller = callerOf(side);
    const data = await ask(
      side,
      role,
      `query ($hexes: [String!], $brand: ID!) {
         graphColors(where: { hex: { in: $hexes } }, sort: [{ hex: ASC }]) { hex name }
         graphBrands(where: { brandId: { eq: $brand } }) { colorsConnection(sort: [{ node: { hex: ASC } }]) { edges { properties { name } } } } }`,
      { hexes: tenants.sharedHexes, brand: caller.brandIds[0] },
    );
    expect(data.graphColors.map((c: { name: string }) => c.name)).toEqual(ownNames(caller));
    const palette = [...tenants.sharedHexes, caller.onlyHex].map((hex, i) => [hex, caller.paletteNames[i]] as const);
    const byHex = palette.sort(([a], [b]) => (a < b ? -1 : 1)).map(([, name]) => name);
    expect(data.graphBrands[0].colorsConnection.edges.map((e: any) => e.properties.name)).toEqual(byHex);
  });
});

describe("with authentication off", () => {
  let open: TestGateway;
  beforeAll(async () => {
    open = await startTestGateway();
  });
  afterAll(() => open?.close());

  it("a color carries the smallest name any organization gives it, as before names were tenant data", async () => {
    const result = await open.graphql(`query ($hex: String!) { color(hex: $hex) { name } graphColors(where: { hex: { eq: $hex } }) { name } }`, {
      hex: tenants.sharedHexes[0],
    });
    // "FOREIGN-SECRET Alpha Teal" < "Own Alpha Teal"
    expect(result).toEqual({ data: { color: { name: tenants.foreign.firstSharedName }, graphColors: [{ name: tenants.foreign.firstSharedName }] } });
  });
});

describe("reconcile after the names moved onto OWNS_COLOR", () => {
  it("finds no drift: every brand's palette names on its relationships, Color nodes holding only their hex", async () => {
    const deps = tenants.gateway.deps;
    for (const organizationId of [tenants.own.organizationId, tenants.foreign.organizationId]) {
      const report = toReconcileReport(await runFor(deps, "reconcile", organizationId, { dryRun: true }));
      expect(report.entities.map((e) => [e.entity, e.missing, e.differing, e.extra, e.unchanged])).toEqual([
        ["brand", 0, 0, 0, 2],
        ["asset", 0, 0, 0, 2],
        ["feedback", 0, 0, 0, 2],
        ["template", 0, 0, 0, 2],
        // Colors are global: an organization's run leaves them to the color pass below.
        ["color", 0, 0, 0, 0],
      ]);
    }
    const hexes = [...tenants.sharedHexes, tenants.own.onlyHex, tenants.foreign.onlyHex];
    const graphDeps = { prisma: deps.prisma, graph: deps.graph! };
    // Each color read as reconcile's scan reads it, from just before its hex.
    const scanned = (await Promise.all(hexes.map((hex) => readGraphColors(graphDeps, hex.slice(0, -1), 20)))).flat();
    const colors = hexes.map((hex) => scanned.find((c) => c.hex === hex)!);
    expect(colors.map((c) => c.otherKeys)).toEqual(hexes.map(() => []));
    expect(await reconcileColorBatch(graphDeps, colors, true)).toMatchObject({ processed: 5, unchanged: 5, differing: 0, extra: 0 });
  });
});

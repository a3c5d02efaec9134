// PUT /v1/assets/{id}/image and Mutation.createImageUpload against the real gateway, Postgres and
// Neo4j: the image's colors become the asset's (snapped to the brand's palette, with coverage,
// source and onPalette), its compliance score the asset's, in Postgres and in the graph; bad input
// and callers who may not update the asset get a clear 4xx and change nothing.
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/auth/access.ts";
import type { ColorExtractor } from "../../src/pixels/ColorExtractor.ts";
import { createColorExtractor } from "../../src/pixels/createColorExtractor.ts";
import { deltaE00, hexToLab, labToHex, rgbToLab } from "../../src/pixels/lab.ts";
import { stripes } from "../../src/pixels/syntheticImages.ts";
import { toReconcileReport } from "../../src/backfill/runReports.ts";
import { runFor } from "../support/unsyncedData.ts";
import { startTenants, tenancyHeaders, tenancyVerifier, type Tenants } from "../support/tenants.ts";
import { createTestDeps, startTestGateway, type TestGateway } from "../support/testDeps.ts";

let tenants: Tenants;
let small: TestGateway;
/** Colors this file made up (extracted off-palette colors included), removed from the graph after. */
const madeUp = new Set<string>();

beforeAll(async () => {
  tenants = await startTenants();
  // The same database and tokens, with a 4 KiB upload limit.
  const deps = createTestDeps({ verifyToken: tenancyVerifier() });
  small = await startTestGateway(createTestDeps({ verifyToken: tenancyVerifier(), config: { ...deps.config, imageUpload: { ...deps.config.imageUpload, maxBytes: 4096 } } }));
  await deps.close();
});
afterAll(async () => {
  await tenants.gateway.deps.graph!.driver.executeQuery("UNWIND $hexes AS hex MATCH (c:Color {hex: hex}) WHERE NOT (c)--() DELETE c", { hexes: [...madeUp] });
  await small?.close();
  await tenants.close();
});

/** A random color at least ΔE00 25 from every color given, so extraction never merges them. */
function distinctColor(others: readonly string[]): string {
  for (;;) {
    const hex = labToHex(rgbToLab(...([0, 0, 0].map(() => 30 + Math.floor(Math.random() * 196)) as [number, number, number])));
    if (others.every((o) => deltaE00(hexToLab(o), hexToLab(hex)) >= 25)) {
      madeUp.add(hex);
      return hex;
    }
  }
}

/** Vertical stripes of these colors in these shares of the width, as a lossless PNG. */
const stripedPng = (colors: readonly { hex: string; share: number }[]) =>
  sharp(Buffer.from(stripes(400, 200, colors)), { raw: { width: 400, height: 200, channels: 3 } }).png().toBuffer();

/** A 1×1 PNG whose header claims width × height (a decompression bomb of ~70 bytes). */
async function pngClaiming(width: number, height: number) {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: "#808080" } }).png().toBuffer());
  const ihdr = png.indexOf("IHDR");
  png.writeUInt32BE(width, ihdr + 4);
  png.writeUInt32BE(height, ihdr + 8);
  png.writeUInt32BE(crc32(png.subarray(ihdr, ihdr + 17)), ihdr + 17);
  return png;
}

interface Scene {
  readonly organizationId: string;
  readonly brandId: string;
  readonly assetId: string;
  /** The brand's palette: two colors. */
  readonly palette: readonly [string, string];
  /** A color of the image that is on no palette. */
  readonly offPalette: string;
}

/** An organization with a brand of two palette colors and an approved asset declaring one of them. */
async function scene(organizationId?: string): Promise<Scene> {
  const { fixtures } = tenants;
  const org = organizationId ?? (await fixtures.organization());
  const first = distinctColor([]);
  const second = distinctColor([first]);
  const offPalette = distinctColor([first, second]);
  const brand = await fixtures.brand(org, [{ hex: first, usageWeight: 0.6 }, { hex: second, usageWeight: 0.4 }]);
  const assetId = await fixtures.asset(brand.id, { colors: [first], complianceScore: 0.5, feedback: ["approve"] });
  return { organizationId: org, brandId: brand.id, assetId, palette: [first, second], offPalette };
}

/** 60% the first palette color, 30% the second shifted by a few levels (snaps to it), 10% off palette. */
function sceneImage(s: Scene) {
  const shifted = "#" + [1, 3, 5].map((i) => Math.min(255, parseInt(s.palette[1].slice(i, i + 2), 16) + 2).toString(16).padStart(2, "0")).join("").toUpperCase();
  return stripedPng([{ hex: s.palette[0], share: 0.6 }, { hex: shifted, share: 0.3 }, { hex: s.offPalette, share: 0.1 }]);
}

async function put(assetId: string, body: Buffer | string, headers: Record<string, string> = {}, gateway: TestGateway = tenants.gateway) {
  const res = await fetch(`${gateway.url}/v1/assets/${encodeURIComponent(assetId)}/image`, {
    method: "PUT",
    headers: { "content-type": "application/octet-stream", "x-graph-sync": "wait", ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const as = (role: Role, organizationId: string) => tenancyHeaders(role, organizationId);

/** Everything an upload may change: the asset row, its colors, and its outbox events. */
async function stateOf(assetId: string) {
  const prisma = tenants.gateway.deps.prisma;
  return {
    asset: await prisma.asset.findUnique({ where: { id: assetId } }),
    colors: await prisma.assetColor.findMany({ where: { assetId }, orderBy: { hex: "asc" } }),
    events: await prisma.syncEvent.count({ where: { entityId: assetId } }),
  };
}

async function usesColorEdges(assetId: string) {
  const { records } = await tenants.gateway.deps.graph!.driver.executeQuery(
    `MATCH (a:Asset {asset_id: $assetId})-[u:USES_COLOR]->(c:Color)
     RETURN c.hex AS hex, u.coverage AS coverage, u.source AS source, u.on_palette AS onPalette, a.compliance_score AS score
     ORDER BY hex`,
    { assetId },
  );
  return records.map((r) => r.toObject());
}

const ASSET = `query ($id: ID!) { asset(id: $id) { id complianceScore imageSha256 colors { hex coverage source onPalette } } }`;

// A cold clustering thread and a cold Neo4j plan make the first upload slow on a loaded machine.
describe("uploading an asset's image", { timeout: 90_000 }, () => {
  it("replaces the asset's colors with the image's, snapped to the palette, with coverage, source and the compliance score", async () => {
    const s = await scene();
    const { status, body } = await put(s.assetId, await sceneImage(s), await as("editor", s.organizationId));
    expect(status).toBe(200);
    expect(body).toMatchObject({ asset_id: s.assetId, extracted: true, image: { format: "png", width: 400, height: 200 } });
    expect(body.image_sha256).toMatch(/^[0-9a-f]{64}$/);

    const off = body.colors.find((c: any) => !c.on_palette);
    expect(deltaE00(hexToLab(off.hex), hexToLab(s.offPalette))).toBeLessThan(1);
    madeUp.add(off.hex);
    const byHex = Object.fromEntries(body.colors.map((c: any) => [c.hex, c]));
    expect(byHex[s.palette[0]]).toMatchObject({ source: "extracted", on_palette: true });
    expect(byHex[s.palette[1]]).toMatchObject({ source: "extracted", on_palette: true });
    expect(byHex[s.palette[0]].coverage).toBeCloseTo(0.6, 1);
    expect(byHex[s.palette[1]].coverage).toBeCloseTo(0.3, 1);
    expect(off.coverage).toBeCloseTo(0.1, 1);
    // Both palette colors match within one JND (credit 1), the off-palette 10% gets none.
    expect(body.compliance_score).toBeCloseTo(0.9, 2);

    const { data } = await tenants.gateway.graphql(ASSET, { id: s.assetId }, await as("viewer", s.organizationId));
    expect(data.asset).toMatchObject({ complianceScore: body.compliance_score, imageSha256: body.image_sha256 });
    expect(data.asset.colors).toEqual(body.colors.map((c: any) => ({ hex: c.hex, coverage: c.coverage, source: "extracted", onPalette: c.on_palette })));

    const edges = await usesColorEdges(s.assetId);
    expect(edges).toEqual(
      body.colors
        .map((c: any) => ({ hex: c.hex, coverage: c.coverage, source: "extracted", onPalette: c.on_palette, score: body.compliance_score }))
        .sort((x: any, y: any) => x.hex.localeCompare(y.hex)),
    );
  });

  it("does not extract the same image twice, and a different image replaces the colors again", async () => {
    const s = await scene();
    const headers = await as("admin", s.organizationId);
    const image = await sceneImage(s);
    expect((await put(s.assetId, image, headers)).status).toBe(200);
    const before = await stateOf(s.assetId);

    const again = await put(s.assetId, image, headers);
    expect(again).toMatchObject({ status: 200, body: { extracted: false, image_sha256: before.asset!.imageSha256 } });
    expect(await stateOf(s.assetId)).toEqual(before);

    const onlySecond = await stripedPng([{ hex: s.palette[1], share: 1 }]);
    const replaced = await put(s.assetId, onlySecond, headers);
    expect(replaced.body).toMatchObject({ extracted: true, compliance_score: 1, colors: [{ hex: s.palette[1], coverage: 1, source: "extracted", on_palette: true }] });
    expect(await usesColorEdges(s.assetId)).toEqual([{ hex: s.palette[1], coverage: 1, source: "extracted", onPalette: true, score: 1 }]);
  });

  it("lets declared colors replace extracted ones and forgets the image (the score stays the client's to set)", async () => {
    const s = await scene();
    const headers = await as("editor", s.organizationId);
    const uploaded = await put(s.assetId, await sceneImage(s), headers);
    const result = await tenants.gateway.graphql(
      `mutation ($id: ID!, $hex: String!) { updateAsset(id: $id, input: { colors: [{ hex: $hex, coverage: 1 }] }) { id } }`,
      { id: s.assetId, hex: s.palette[0] },
      { ...headers, "x-graph-sync": "wait" },
    );
    expect(result.errors).toBeUndefined();
    const { data } = await tenants.gateway.graphql(ASSET, { id: s.assetId }, headers);
    expect(data.asset).toMatchObject({ imageSha256: null, colors: [{ hex: s.palette[0], coverage: 1, source: "declared", onPalette: null }] });
    expect(await usesColorEdges(s.assetId)).toEqual([{ hex: s.palette[0], coverage: 1, source: "declared", onPalette: null, score: uploaded.body.compliance_score }]);
  });

  it("lets reconcile find and repair USES_COLOR edges that lost their source or onPalette", async () => {
    const s = await scene();
    const { body } = await put(s.assetId, await sceneImage(s), await as("editor", s.organizationId));
    madeUp.add(body.colors.find((c: any) => !c.on_palette).hex);
    const expected = await usesColorEdges(s.assetId);
    await tenants.gateway.deps.graph!.driver.executeQuery(`MATCH (:Asset {asset_id: $id})-[u:USES_COLOR]->() REMOVE u.source, u.on_palette`, { id: s.assetId });

    const dryRun = toReconcileReport(await runFor(tenants.gateway.deps, "reconcile", s.organizationId, { dryRun: true }));
    expect(dryRun.entities.find((e) => e.entity === "asset")).toMatchObject({ differingNodes: 0, differingRelationships: 1 });
    const repaired = toReconcileReport(await runFor(tenants.gateway.deps, "reconcile", s.organizationId, { dryRun: false }));
    expect(repaired.entities.find((e) => e.entity === "asset")).toMatchObject({ repaired: 1 });
    expect(await usesColorEdges(s.assetId)).toEqual(expected);
  });

  it("feeds color pairings from the pixels of approved assets", async () => {
    const s = await scene();
    const { body } = await put(s.assetId, await sceneImage(s), await as("editor", s.organizationId));
    const off = body.colors.find((c: any) => !c.on_palette).hex;
    const { data } = await tenants.gateway.graphql(
      `query ($hex: String!) { color(hex: $hex) { pairings(minSamples: 1, limit: 50) { color { hex } pairingCount avgComplianceScore } } }`,
      { hex: s.palette[0] },
      await as("viewer", s.organizationId),
    );
    const paired = Object.fromEntries(data.color.pairings.map((p: any) => [p.color.hex, p]));
    expect(paired[s.palette[1]]).toMatchObject({ pairingCount: 1 });
    expect(paired[off]).toMatchObject({ pairingCount: 1 });
    expect(paired[off].avgComplianceScore).toBeCloseTo(body.compliance_score, 6);
  });
});

describe("who may upload an asset's image", { timeout: 60_000 }, () => {
  for (const role of ["viewer", "editor", "admin"] as const) {
    it(`a ${role} of the asset's organization ${role === "viewer" ? "is FORBIDDEN" : "may"}, and a ${role} of another organization gets NOT_FOUND, as for a missing asset`, async () => {
      const s = await scene();
      const image = await sceneImage(s);
      const before = await stateOf(s.assetId);

      const foreign = await put(s.assetId, image, await as(role, tenants.foreign.organizationId));
      if (role === "viewer") expect(foreign).toMatchObject({ status: 403, body: { error: "FORBIDDEN" } });
      else {
        expect(foreign).toEqual({ status: 404, body: { error: "NOT_FOUND", field: "id", message: `Asset ${s.assetId} does not exist` } });
        expect(await put("no-such-asset", image, await as(role, tenants.foreign.organizationId))).toMatchObject({ status: 404, body: { error: "NOT_FOUND", field: "id" } });
      }
      expect(await stateOf(s.assetId)).toEqual(before);

      const own = await put(s.assetId, image, await as(role, s.organizationId));
      if (role === "viewer") {
        expect(own).toMatchObject({ status: 403, body: { error: "FORBIDDEN" } });
        expect(await stateOf(s.assetId)).toEqual(before);
      } else {
        expect(own).toMatchObject({ status: 200, body: { extracted: true } });
      }
    });

    it(`Mutation.createImageUpload: a ${role} ${role === "viewer" ? "is FORBIDDEN" : "gets a signed URL that needs no token"}; another organization's asset is NOT_FOUND`, async () => {
      const s = await scene();
      const MUTATION = `mutation ($id: ID!) { createImageUpload(assetId: $id) { url method expiresAt maxBytes } }`;
      const foreign = await tenants.gateway.graphql(MUTATION, { id: s.assetId }, await as(role, tenants.foreign.organizationId));
      expect(foreign.errors?.[0]?.extensions).toMatchObject(role === "viewer" ? { code: "FORBIDDEN" } : { code: "NOT_FOUND", field: "assetId" });

      const own = await tenants.gateway.graphql(MUTATION, { id: s.assetId }, await as(role, s.organizationId));
      if (role === "viewer") {
        expect(own.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
        return;
      }
      expect(own.errors).toBeUndefined();
      const { url, method, expiresAt, maxBytes } = own.data.createImageUpload;
      expect({ method, maxBytes }).toEqual({ method: "PUT", maxBytes: tenants.gateway.deps.config.imageUpload.maxBytes });
      expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
      const image = await sceneImage(s);

      // Bound to its asset: the same signature on another path is refused.
      const other = await scene(s.organizationId);
      const moved = url.replace(s.assetId, other.assetId);
      const refused = await fetch(`${tenants.gateway.url}${moved}`, { method: "PUT", body: image });
      expect(refused.status).toBe(401);
      expect(await stateOf(other.assetId)).toMatchObject({ asset: { imageSha256: null } });

      const res = await fetch(`${tenants.gateway.url}${url}`, { method: "PUT", headers: { "x-graph-sync": "wait" }, body: image });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ asset_id: s.assetId, extracted: true });
    });
  }

  it("refuses an upload without a token with 401", async () => {
    const s = await scene();
    const before = await stateOf(s.assetId);
    expect(await put(s.assetId, await sceneImage(s))).toMatchObject({ status: 401, body: { error: "UNAUTHENTICATED" } });
    expect(await stateOf(s.assetId)).toEqual(before);
  });

  it("answers 405 to anything but PUT", async () => {
    const res = await fetch(`${tenants.gateway.url}/v1/assets/x/image`, { headers: await as("admin", tenants.own.organizationId) });
    expect({ status: res.status, allow: res.headers.get("allow") }).toEqual({ status: 405, allow: "PUT" });
  });
});

describe("bad images", { timeout: 60_000 }, () => {
  const cases: [string, () => Promise<Buffer | string>, number, string][] = [
    ["not an image (text)", async () => "hello, I am a text file", 415, "NOT_AN_IMAGE"],
    ["an empty body", async () => Buffer.alloc(0), 415, "NOT_AN_IMAGE"],
    ["a truncated PNG", async () => (await stripedPng([{ hex: "#336699", share: 1 }])).subarray(0, 200), 422, "IMAGE_CORRUPT"],
    ["a decompression bomb (a 1×1 PNG claiming 30,000 × 30,000)", () => pngClaiming(30_000, 30_000), 413, "IMAGE_TOO_LARGE"],
    ["an unsupported format (GIF)", () => sharp({ create: { width: 8, height: 8, channels: 3, background: "#FF0000" } }).gif().toBuffer(), 415, "UNSUPPORTED_IMAGE_FORMAT"],
  ];
  for (const [what, image, status, code] of cases) {
    it(`refuses ${what} with ${status} ${code} naming the image, and writes nothing`, async () => {
      const s = await scene();
      const before = await stateOf(s.assetId);
      const answer = await put(s.assetId, await image(), await as("editor", s.organizationId));
      expect(answer).toMatchObject({ status, body: { error: code, field: "image" } });
      expect(answer.body.message).toEqual(expect.any(String));
      expect(await stateOf(s.assetId)).toEqual(before);
    });
  }

  it("refuses a body over IMAGE_UPLOAD_MAX_BYTES with 413 PAYLOAD_TOO_LARGE, declared or streamed, and writes nothing", async () => {
    const s = await scene();
    const before = await stateOf(s.assetId);
    const big = Buffer.alloc(5000, 0x89);
    const headers = await as("editor", s.organizationId);
    const declared = await put(s.assetId, big, headers, small);
    expect(declared).toEqual({ status: 413, body: { error: "PAYLOAD_TOO_LARGE", field: "image", message: "The image exceeds 4096 bytes (IMAGE_UPLOAD_MAX_BYTES)" } });
    const streamed = await fetch(`${small.url}/v1/assets/${s.assetId}/image`, {
      method: "PUT",
      headers,
      body: new ReadableStream({ start(c) { c.enqueue(new Uint8Array(3000)); c.enqueue(new Uint8Array(3000)); c.close(); } }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await stateOf(s.assetId)).toEqual(before);
  });
});

describe("when extraction fails on the gateway's side", { timeout: 60_000 }, () => {
  it("answers 503 EXTRACTION_FAILED naming the image when its extraction process is killed, writes nothing, and reads the next upload", async () => {
    const deps = createTestDeps({ verifyToken: tenancyVerifier() });
    const extractor = createColorExtractor(deps.config.colorExtraction);
    let killDuringNext = false;
    // Kills the process the moment the image is handed to it, as the OOM killer or a crashing decoder would.
    const killing: ColorExtractor = {
      extract(image, options) {
        const reading = extractor.extract(image, options);
        if (killDuringNext) {
          killDuringNext = false;
          for (const pid of extractor.processIds()) process.kill(pid, "SIGKILL");
        }
        return reading;
      },
      close: () => extractor.close(),
    };
    const closeAll = async () => {
      await extractor.close();
      await deps.close();
    };
    const gateway = await startTestGateway({ ...deps, colorExtractor: killing, close: closeAll });
    try {
      const s = await scene();
      const headers = await as("editor", s.organizationId);
      const before = await stateOf(s.assetId);
      killDuringNext = true;
      const killed = await put(s.assetId, await sceneImage(s), headers, gateway);
      expect(killed).toEqual({
        status: 503,
        body: { error: "EXTRACTION_FAILED", field: "image", message: expect.stringMatching(/^the color extraction process exited \(SIGKILL\) while reading the image/) },
      });
      expect(await stateOf(s.assetId)).toEqual(before);

      const next = await put(s.assetId, await sceneImage(s), headers, gateway);
      expect(next).toMatchObject({ status: 200, body: { asset_id: s.assetId, extracted: true } });
      for (const c of next.body.colors) madeUp.add(c.hex);
      expect((await stateOf(s.assetId)).asset!.imageSha256).toBe(next.body.image_sha256);
    } finally {
      await gateway.close();
    }
  });
});

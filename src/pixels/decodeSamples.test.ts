import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeSamples, type DecodeLimits } from "./decodeSamples.ts";
import { ImageRejectedError } from "./ImageRejectedError.ts";

const limits: DecodeLimits = { maxInputPixels: 50_000_000, sampleSide: 256 };
const flat = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#336699" } });

async function rejection(image: Buffer) {
  const error = await decodeSamples(image, limits).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImageRejectedError)) throw new Error(`expected an ImageRejectedError, got ${String(error)}`);
  return { code: error.code, field: error.field, message: error.message };
}

/** A valid 1×1 PNG whose header is rewritten to claim width × height (its CRC made right again). */
async function pngClaiming(width: number, height: number) {
  const png = Buffer.from(await flat(1, 1).png().toBuffer());
  const ihdr = png.indexOf("IHDR");
  png.writeUInt32BE(width, ihdr + 4);
  png.writeUInt32BE(height, ihdr + 8);
  png.writeUInt32BE(crc32(png.subarray(ihdr, ihdr + 17)), ihdr + 17);
  return png;
}

/** A valid 8×8 JPEG whose frame header is rewritten to claim width × height (JPEG has no checksum). */
async function jpegClaiming(width: number, height: number) {
  const jpeg = Buffer.from(await flat(8, 8).jpeg().toBuffer());
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(height, sof + 5);
  jpeg.writeUInt16BE(width, sof + 7);
  return jpeg;
}

describe("decodeSamples", () => {
  it("decodes PNG, JPEG and WebP into 8-bit sRGB with alpha, downscaled to the sample side", async () => {
    for (const format of ["png", "jpeg", "webp"] as const) {
      const image = await flat(1024, 512).toFormat(format).toBuffer();
      const samples = await decodeSamples(image, limits);
      expect({ format: samples.format, width: samples.width, height: samples.height, bytes: samples.rgba.length }).toEqual({ format, width: 1024, height: 512, bytes: 256 * 128 * 4 });
      const [r, g, b, a] = samples.rgba;
      // JPEG and lossy WebP may move a channel by a level or two.
      expect(Math.max(Math.abs(r! - 0x33), Math.abs(g! - 0x66), Math.abs(b! - 0x99))).toBeLessThanOrEqual(3);
      expect(a).toBe(255);
    }
  });

  it("does not enlarge a small image, and reads a 16-bit grey PNG as 8-bit sRGB", async () => {
    const image = await flat(40, 30).toColourspace("grey16").png().toBuffer();
    const samples = await decodeSamples(image, limits);
    expect(samples.rgba.length).toBe(40 * 30 * 4);
    const [r, g, b, a] = samples.rgba;
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(a).toBe(255);
  });

  it("reads an image tagged with another color space (Display P3) as the sRGB colors it shows", async () => {
    const pixels = Buffer.alloc(16 * 16 * 3);
    for (let i = 0; i < pixels.length; i += 3) pixels.set([200, 100, 50], i);
    // sharp stores the P3 values that show sRGB (200, 100, 50): about (187, 106, 63).
    const p3 = await sharp(pixels, { raw: { width: 16, height: 16, channels: 3 } }).withIccProfile("p3").png().toBuffer();
    expect([...(await sharp(p3, { ignoreIcc: true }).raw().toBuffer()).subarray(0, 3)]).not.toEqual([200, 100, 50]);
    const [r, g, b] = (await decodeSamples(p3, limits)).rgba;
    expect(Math.max(Math.abs(r! - 200), Math.abs(g! - 100), Math.abs(b! - 50))).toBeLessThanOrEqual(2);
  });

  it("refuses a tiny PNG that claims 30,000 × 30,000 pixels before decoding it", async () => {
    const bomb = await pngClaiming(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200);
    expect(await rejection(bomb)).toEqual({
      code: "IMAGE_TOO_LARGE",
      field: "image",
      message: "the image claims 30000 × 30000 pixels; at most 50,000,000 pixels are accepted",
    });
  });

  it("refuses a tiny JPEG that claims 30,000 × 30,000 pixels", async () => {
    expect(await rejection(await jpegClaiming(30_000, 30_000))).toMatchObject({ code: "IMAGE_TOO_LARGE" });
  });

  it("refuses an image just over a configured pixel limit and accepts one at it", async () => {
    const image = await flat(100, 100).png().toBuffer();
    await expect(decodeSamples(image, { ...limits, maxInputPixels: 10_000 })).resolves.toMatchObject({ width: 100 });
    await expect(decodeSamples(image, { ...limits, maxInputPixels: 9_999 })).rejects.toMatchObject({ code: "IMAGE_TOO_LARGE" });
  });

  it.each(["png", "jpeg", "webp"] as const)("refuses a truncated %s as corrupt", async (format) => {
    const noisy = Buffer.alloc(300 * 200 * 3);
    for (let i = 0; i < noisy.length; i++) noisy[i] = (i * 2654435761) >>> 24;
    const whole = await sharp(noisy, { raw: { width: 300, height: 200, channels: 3 } }).toFormat(format).toBuffer();
    expect(await rejection(whole.subarray(0, Math.floor(whole.length / 2)))).toEqual({
      code: "IMAGE_CORRUPT",
      field: "image",
      message: "the image data is truncated or damaged and cannot be decoded",
    });
  });

  it("refuses a PNG signature followed by garbage as corrupt", async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("not really a png")]);
    expect(await rejection(png)).toMatchObject({ code: "IMAGE_CORRUPT" });
  });

  it("refuses SVG, GIF, TIFF and AVIF that libvips could decode, without decoding them", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>');
    expect(await rejection(svg)).toMatchObject({ code: "UNSUPPORTED_IMAGE_FORMAT", message: expect.stringContaining("SVG") });
    for (const [format, name] of [["gif", "GIF"], ["tiff", "TIFF"], ["avif", "HEIF/AVIF"]] as const) {
      const image = await flat(16, 16).toFormat(format).toBuffer();
      expect(await rejection(image)).toMatchObject({ code: "UNSUPPORTED_IMAGE_FORMAT", message: `${name} images are not accepted; send a PNG, JPEG or WebP` });
    }
  });

  it("refuses bytes that are no image", async () => {
    expect(await rejection(Buffer.from("{\"just\": \"json\"}"))).toMatchObject({ code: "NOT_AN_IMAGE", field: "image" });
  });
});

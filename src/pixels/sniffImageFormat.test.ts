import { describe, expect, it } from "vitest";
import { ImageRejectedError } from "./ImageRejectedError.ts";
import { sniffImageFormat } from "./sniffImageFormat.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

const rejection = (image: Buffer) => {
  try {
    sniffImageFormat(image);
  } catch (error) {
    if (error instanceof ImageRejectedError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a rejection");
};

describe("sniffImageFormat", () => {
  it("recognises PNG, JPEG and WebP by their signatures", () => {
    expect(sniffImageFormat(bytes([0x89], "PNG\r\n\x1a\n", [0, 0]))).toBe("png");
    expect(sniffImageFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImageFormat(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBe("webp");
  });

  it.each([
    ["GIF", bytes("GIF89a", [1, 0, 1, 0])],
    ["TIFF", bytes("II*\0", [8, 0, 0, 0])],
    ["TIFF", bytes("MM\0*", [0, 0, 0, 8])],
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["SVG", bytes('  <?xml version="1.0"?>\n<!-- a comment -->\n<svg width="1" height="1"></svg>')],
    ["HEIF/AVIF", bytes([0, 0, 0, 0x1c], "ftypavif")],
    ["BMP", bytes("BM", [0, 0, 0, 0])],
    ["PDF", bytes("%PDF-1.7\n")],
  ])("refuses %s as an unsupported format, naming it", (name, image) => {
    expect(rejection(image)).toEqual({ code: "UNSUPPORTED_IMAGE_FORMAT", message: `${name} images are not accepted; send a PNG, JPEG or WebP` });
  });

  it("says plainly when the bytes are no image at all", () => {
    expect(rejection(bytes("hello, this is a text file"))).toEqual({ code: "NOT_AN_IMAGE", message: "the bytes are not an image; send a PNG, JPEG or WebP" });
    expect(rejection(Buffer.alloc(0))).toEqual({ code: "NOT_AN_IMAGE", message: "the image is empty; send a PNG, JPEG or WebP" });
  });
});

// The format is decided from the first bytes, before libvips sees the buffer. libvips picks its
// loader by content too, and would happily hand an SVG to librsvg (a script-capable XML format
// with external references) or a TIFF to libtiff: sniffing first means only the three decoders we
// accept ever run on untrusted bytes.
import { ImageRejectedError, ImageRejection } from "./ImageRejectedError.ts";

export type AcceptedFormat = "png" | "jpeg" | "webp";

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** Formats recognised only to say clearly that they are refused. */
function refusedFormat(head: Uint8Array): string | null {
  const text = ascii(head, 0, Math.min(head.length, 256)).trimStart().toLowerCase();
  if (ascii(head, 0, 4) === "GIF8") return "GIF";
  if (ascii(head, 0, 4) === "II*\0" || ascii(head, 0, 4) === "MM\0*") return "TIFF";
  if (ascii(head, 0, 2) === "BM") return "BMP";
  if (ascii(head, 4, 8) === "ftyp") return "HEIF/AVIF";
  if (ascii(head, 0, 5) === "%PDF-") return "PDF";
  if (head[0] === 0xff && head[1] === 0x0a) return "JPEG XL";
  if (ascii(head, 4, 12) === "jP  \r\n\x87\n" || ascii(head, 0, 4) === "\xffO\xffQ") return "JPEG 2000";
  if (text.startsWith("<svg") || (text.startsWith("<?xml") && text.includes("<svg")) || text.startsWith("<!doctype svg")) return "SVG";
  return null;
}

export function sniffImageFormat(image: Uint8Array): AcceptedFormat {
  const head = image.subarray(0, 512);
  if (head.length >= 8 && head[0] === 0x89 && ascii(head, 1, 8) === "PNG\r\n\x1a\n") return "png";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.length >= 12 && ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "webp";
  const refused = refusedFormat(head);
  if (refused) {
    throw new ImageRejectedError(
      ImageRejection.UnsupportedFormat,
      `${refused} images are not accepted; send a PNG, JPEG or WebP`,
    );
  }
  throw new ImageRejectedError(
    ImageRejection.NotAnImage,
    image.length === 0 ? "the image is empty; send a PNG, JPEG or WebP" : "the bytes are not an image; send a PNG, JPEG or WebP",
  );
}

// Decoding and downscaling run in libvips on sharp's thread pool (libuv's), never on the event
// loop. The image is shrunk to at most `sampleSide` pixels a side before anything is counted:
// shrink-on-load makes a 2048² JPEG decode at 1/8 scale, and averaging neighbours removes most
// sensor and JPEG noise before clustering, while 256² samples still give each pixel 1/65,536 of
// the area, far finer than the percentage points coverage is reported in.
import sharp, { type Metadata, type SharpOptions } from "sharp";
import { ImageRejectedError, ImageRejection } from "./ImageRejectedError.ts";
import { sniffImageFormat, type AcceptedFormat } from "./sniffImageFormat.ts";

export interface DecodeLimits {
  /** Images with more pixels (width × height, as the header claims) are refused before decoding. */
  readonly maxInputPixels: number;
  /** The longer side of the sample the colors are counted on. */
  readonly sampleSide: number;
}

/** The downscaled image as 8-bit sRGB with alpha, 4 bytes a pixel. */
export interface Samples {
  readonly rgba: Uint8Array;
  readonly format: AcceptedFormat;
  /** The original image's size. */
  readonly width: number;
  readonly height: number;
}

// 'error' stops on truncated or damaged pixel data but lets a JPEG with a harmless warning
// ("extraneous bytes before marker") through, which phones and old encoders write.
const FAIL_ON = "error";

export async function decodeSamples(image: Buffer, limits: DecodeLimits): Promise<Samples> {
  const format = sniffImageFormat(image);
  const input = { failOn: FAIL_ON, limitInputPixels: limits.maxInputPixels } as const;
  const { width, height } = await readHeader(image, input, format);
  if (width * height > limits.maxInputPixels) {
    throw new ImageRejectedError(
      ImageRejection.TooManyPixels,
      `the image claims ${width} × ${height} pixels; at most ${limits.maxInputPixels.toLocaleString("en-US")} pixels are accepted`,
    );
  }
  try {
    const rgba = await sharp(image, input)
      .resize({ width: limits.sampleSide, height: limits.sampleSide, fit: "inside", withoutEnlargement: true, kernel: "linear" })
      .toColourspace("srgb")
      .ensureAlpha()
      .raw({ depth: "uchar" })
      .toBuffer();
    return { rgba, format, width, height };
  } catch (error) {
    throw asRejection(error);
  }
}

async function readHeader(image: Buffer, input: SharpOptions, format: AcceptedFormat) {
  let metadata: Metadata;
  try {
    // Only the header is read here, so no limit is needed yet: the caller compares the size it
    // claims with the limit and says which size it was.
    metadata = await sharp(image, { ...input, limitInputPixels: false }).metadata();
  } catch (error) {
    throw asRejection(error);
  }
  // sniffImageFormat and libvips must agree, or a loader we did not vet would decode the bytes.
  if (metadata.format !== format || !metadata.width || !metadata.height) {
    throw new ImageRejectedError(ImageRejection.Corrupt, `the ${format.toUpperCase()} header cannot be read`);
  }
  return { width: metadata.width, height: metadata.height };
}

/** libvips' own messages name internals; the caller gets a reason and what to do instead. */
function asRejection(error: unknown): ImageRejectedError {
  if (error instanceof ImageRejectedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new ImageRejectedError(ImageRejection.TooManyPixels, "the image has more pixels than are accepted");
  }
  return new ImageRejectedError(ImageRejection.Corrupt, "the image data is truncated or damaged and cannot be decoded");
}

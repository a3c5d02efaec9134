// Why an image could not be read, as a closed set the upload route maps to a 4xx. Thrown before
// anything is written, so a rejected upload changes nothing. The message is safe to show: it names
// what was wrong and what is accepted, never a libvips internal.

export const ImageRejection = {
  /** The bytes are no image this gateway knows (a text file, an empty body). */
  NotAnImage: "NOT_AN_IMAGE",
  /** A real image format, but not PNG, JPEG or WebP (GIF, TIFF, SVG, HEIF/AVIF, BMP, PDF…). */
  UnsupportedFormat: "UNSUPPORTED_IMAGE_FORMAT",
  /** More pixels than the limit (a decompression bomb claims billions from a few bytes). */
  TooManyPixels: "IMAGE_TOO_LARGE",
  /** The header is right but the pixel data is truncated or damaged. */
  Corrupt: "IMAGE_CORRUPT",
} as const;

export type ImageRejection = (typeof ImageRejection)[keyof typeof ImageRejection];

/** The HTTP status each rejection maps to. */
export const imageRejectionStatus: Readonly<Record<ImageRejection, number>> = {
  NOT_AN_IMAGE: 415,
  UNSUPPORTED_IMAGE_FORMAT: 415,
  IMAGE_TOO_LARGE: 413,
  IMAGE_CORRUPT: 422,
};

export class ImageRejectedError extends Error {
  override readonly name = "ImageRejectedError";
  /** The input at fault: always the image bytes. */
  readonly field = "image";

  constructor(
    readonly code: ImageRejection,
    message: string,
  ) {
    super(message);
  }
}

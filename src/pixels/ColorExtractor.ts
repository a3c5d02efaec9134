// What the gateway asks of color extraction, whatever does it: today classical color science on
// the pixels (createColorExtractor.ts); a vision model could implement the same interface later.
import type { AcceptedFormat } from "./sniffImageFormat.ts";
import type { Lab } from "./lab.ts";

export interface ExtractedColor {
  /** '#RRGGBB', upper case. */
  readonly hex: string;
  /** The color before rounding to hex, for CIEDE2000 against a palette. */
  readonly lab: Lab;
  /** Share of the image's visible (alpha-weighted) area, 0–1; the colors' shares sum to 1. */
  readonly coverage: number;
}

export interface Extraction {
  /** Largest coverage first, at most `maxColors`. Empty for a fully transparent image. */
  readonly colors: readonly ExtractedColor[];
  readonly format: AcceptedFormat;
  readonly width: number;
  readonly height: number;
  /** How much of the image is visible: 1 when opaque, 0 when fully transparent. */
  readonly opaqueShare: number;
  /** Names the method and its version, so stored results can tell which extractor made them. */
  readonly method: string;
}

export interface ExtractOptions {
  /** Overrides the configured maximum number of colors for this image. */
  readonly maxColors?: number;
}

export interface ColorExtractor {
  /** Rejects with ImageRejectedError for input the caller sent wrong; anything else is a server fault. */
  extract(image: Buffer, options?: ExtractOptions): Promise<Extraction>;
  /** Stops the extractor's processes; pending extractions are rejected. */
  close(): Promise<void>;
}

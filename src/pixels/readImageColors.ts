// An uploaded image → the colors an asset uses: extract, snap to the brand's palette, add up the
// colors that snapped to the same palette color, score. Rejects with ImageRejectedError before
// anything is written.
import { createHash } from "node:crypto";
import type { AssetColorShare } from "./colorsByHex.ts";
import { colorsByHex } from "./colorsByHex.ts";
import type { ColorExtractor, Extraction } from "./ColorExtractor.ts";
import { complianceScore } from "./complianceScore.ts";
import { snapToPalette, type SnappedColor } from "./snapToPalette.ts";

export interface ImageColorReading {
  readonly imageSha256: string;
  readonly extraction: Extraction;
  /** Each extracted color with its nearest palette color and ΔE00, largest coverage first. */
  readonly snapped: readonly SnappedColor[];
  /** One per hex: what the asset's colors become. */
  readonly colors: readonly AssetColorShare[];
  readonly complianceScore: number | null;
}

export const sha256Hex = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** `imageSha256` is the image's sha256Hex, which the caller has already compared with the asset's last one. */
export async function readImageColors(
  extractor: ColorExtractor,
  image: Buffer,
  imageSha256: string,
  palette: readonly string[],
  maxDeltaE00: number,
): Promise<ImageColorReading> {
  const extraction = await extractor.extract(image);
  const snapped = snapToPalette(extraction.colors, palette, { maxDeltaE00 });
  return {
    imageSha256,
    extraction,
    snapped,
    colors: colorsByHex(snapped),
    complianceScore: complianceScore(snapped, { maxDeltaE00 }),
  };
}

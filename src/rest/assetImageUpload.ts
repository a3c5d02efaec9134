// PUT /v1/assets/{id}/image: the raw bytes of an asset's image (PNG, JPEG or WebP). Its colors are
// extracted, snapped to the brand's palette and written as the asset's colors with its compliance
// score, in one transaction with the outbox event, as any asset update. Who may: as for updating
// the asset (viewers are FORBIDDEN, another organization's asset is NOT_FOUND like a missing one),
// with a bearer token or a signed URL from Mutation.createImageUpload. Every refusal comes before
// the write, so a refused upload changes nothing. An extraction that fails on the gateway's side
// (its process died or overran) is 503 EXTRACTION_FAILED: nothing written, the same PUT may be retried.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Access } from "../auth/access.ts";
import { authenticate } from "../auth/authenticate.ts";
import { InvalidToken } from "../auth/tokenVerifier.ts";
import { ErrorCode, GatewayError } from "../errors/codes.ts";
import type { GatewayDeps } from "../gateway/gatewayDeps.ts";
import { waitForGraphOf } from "../graphql/context.ts";
import { BodyTooLarge, readBytes } from "../http/readBody.ts";
import { sendJson } from "../http/sendJson.ts";
import { sendUnauthenticated } from "../http/sendUnauthenticated.ts";
import { ExtractionFailedError } from "../pixels/ExtractionFailedError.ts";
import { ImageRejectedError, imageRejectionStatus } from "../pixels/ImageRejectedError.ts";
import { readImageColors, sha256Hex } from "../pixels/readImageColors.ts";
import { assetStore } from "../stores/assetStore.ts";
import { inTransaction } from "../stores/inTransaction.ts";

export const ASSET_IMAGE_ROUTE = /^\/v1\/assets\/([^/]+)\/image$/;

const STATUS_OF: Partial<Record<string, number>> = { [ErrorCode.Forbidden]: 403, [ErrorCode.NotFound]: 404 };

export function assetImageUpload(deps: GatewayDeps) {
  const { maxBytes, maxDeltaE00 } = deps.config.imageUpload;
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== "PUT") {
      res.setHeader("allow", "PUT");
      return sendJson(res, 405, { error: "METHOD_NOT_ALLOWED", message: `${url.pathname} only answers PUT` });
    }
    let assetId: string;
    try {
      assetId = decodeURIComponent(ASSET_IMAGE_ROUTE.exec(url.pathname)![1]!);
    } catch {
      return sendJson(res, 404, { error: ErrorCode.NotFound, field: "id", message: "Asset does not exist" });
    }
    let access: Access;
    try {
      access = url.searchParams.has("signature")
        ? deps.uploadSigner.verify(assetId, url.searchParams)
        : await authenticate(req.headers, deps.verifyToken);
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      return sendUnauthenticated(res, url, error.message);
    }
    try {
      const scope = access.writeScope();
      const asset = await assetStore.uploadTarget(deps.sql, assetId, scope);
      if (!asset) throw new GatewayError(ErrorCode.NotFound, `Asset ${assetId} does not exist`, { field: "id" });

      const image = await readBytes(req, maxBytes);
      const imageSha256 = sha256Hex(image);
      if (asset.imageSha256 === imageSha256) {
        const colors = await assetStore.colorsOfAssets(deps.prisma, [assetId]);
        return sendJson(res, 200, {
          asset_id: assetId,
          image_sha256: imageSha256,
          extracted: false,
          compliance_score: asset.complianceScore,
          colors: colors.map((c) => ({ hex: c.hex, coverage: c.coverage, source: c.source, on_palette: c.onPalette })),
        });
      }
      const reading = await readImageColors(deps.colorExtractor, image, imageSha256, asset.palette, maxDeltaE00);
      const updated = await inTransaction(deps, (tx) => assetStore.replaceImageColors(tx, assetId, reading, scope), {
        waitForGraph: waitForGraphOf(req.headers["x-graph-sync"], deps.config.graphSync.waitForGraph),
      });
      const { format, width, height } = reading.extraction;
      return sendJson(res, 200, {
        asset_id: assetId,
        image_sha256: imageSha256,
        extracted: true,
        image: { format, width, height },
        compliance_score: updated.complianceScore,
        colors: reading.colors.map((c) => ({ hex: c.hex, coverage: c.coverage, source: "extracted", on_palette: c.onPalette })),
        extracted_colors: reading.snapped.map((c) => ({
          hex: c.extractedHex,
          coverage: c.coverage,
          nearest_palette_hex: c.nearestPaletteHex,
          delta_e00: c.deltaE00 === null ? null : Math.round(c.deltaE00 * 100) / 100,
          on_palette: c.onPalette,
        })),
      });
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendJson(res, 413, { error: "PAYLOAD_TOO_LARGE", field: "image", message: `The image exceeds ${error.limitBytes} bytes (IMAGE_UPLOAD_MAX_BYTES)` });
      }
      if (error instanceof ImageRejectedError) {
        return sendJson(res, imageRejectionStatus[error.code], { error: error.code, field: error.field, message: error.message });
      }
      if (error instanceof ExtractionFailedError) {
        res.setHeader("retry-after", "1");
        return sendJson(res, 503, { error: error.code, field: error.field, message: error.message });
      }
      const status = error instanceof GatewayError ? STATUS_OF[error.code] : undefined;
      if (!(error instanceof GatewayError) || !status) throw error;
      return sendJson(res, status, { error: error.code, field: error.extensions.field, message: error.message });
    }
  };
}

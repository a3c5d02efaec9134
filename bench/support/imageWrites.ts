// The color extraction suite's two ways of changing an asset's colors: uploading an image
// (PUT /v1/assets/{id}/image), or writing the colors an upload of it read with updateAsset and no
// image (the control). Each asset alternates the two images, either way, so every upload is
// extracted (an image its asset already has is answered from its hash, and is not counted) and
// every control write changes the asset's colors, as an upload does.
import { postGraphql, putBytes } from "./benchClient.ts";
import { startPaced } from "./pacedLoad.ts";

const UPDATE_ASSET_COLORS = `mutation ($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { id } }`;

/** What an upload answers (src/rest/assetImageUpload.ts), as far as the control's writes repeat it. */
interface UploadAnswer {
  readonly extracted: boolean;
  readonly colors: ReadonlyArray<{ readonly hex: string; readonly coverage: number }>;
  readonly compliance_score: number | null;
}

/** One image's colors as an upload wrote them: what a control write writes in its place. */
interface ColorsReading {
  readonly colors: ReadonlyArray<{ readonly hex: string; readonly coverage: number }>;
  readonly complianceScore: number | null;
}

export interface ImageWrites {
  /**
   * Uploads the first image to `lanes` assets and the second to the first of them, so the
   * extractor's processes are started before anything is timed and each image's colors are known.
   */
  prime(lanes: number): Promise<void>;
  /** `lanes` closed loops of uploads, each over assets of its own, until the returned stop() (which waits for them). */
  startBurst(lanes: number): () => Promise<void>;
  /** Control writes started on schedule at `perSecond`, until the returned stop(). */
  startWrites(perSecond: number): () => Promise<void>;
  /** Uploads started on schedule at `perSecond`, cycling over the assets, until the returned stop(). */
  startUploads(perSecond: number): () => Promise<void>;
  /** Extracted uploads and control writes so far. */
  counts(): { readonly uploads: number; readonly writes: number };
}

export function imageWrites(url: string, images: readonly Buffer[], assetIds: readonly string[]): ImageWrites {
  const turns = new Map<string, number>();
  let readings: readonly ColorsReading[] = [];
  let uploads = 0;
  let writes = 0;
  /** Per burst lane, its uploads so far: a lane goes on over its assets where its last burst stopped. */
  const laneTurns: number[] = [];
  const nextTurn = (assetId: string) => {
    const turn = turns.get(assetId) ?? 0;
    turns.set(assetId, turn + 1);
    return turn % images.length;
  };
  const upload = async (assetId: string) => {
    const answer = (await putBytes(`${url}/v1/assets/${assetId}/image`, images[nextTurn(assetId)]!)) as UploadAnswer;
    if (answer.extracted) uploads++;
    return answer;
  };
  const write = async (i: number) => {
    if (readings.length < images.length) throw new Error("control writes need each image's colors: prime first");
    const id = assetIds[i % assetIds.length]!;
    await postGraphql(url, UPDATE_ASSET_COLORS, { id, input: readings[nextTurn(id)] });
    writes++;
  };
  return {
    async prime(lanes) {
      const [first] = await Promise.all(assetIds.slice(0, lanes).map(upload));
      const second = await upload(assetIds[0]!);
      readings = [first!, second].map((a) => ({ colors: a.colors.map(({ hex, coverage }) => ({ hex, coverage })), complianceScore: a.compliance_score }));
    },
    startBurst(lanes) {
      let uploading = true;
      const assetsPerLane = Math.floor(assetIds.length / lanes);
      const running = Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          while (uploading) {
            const turn = (laneTurns[lane] = (laneTurns[lane] ?? -1) + 1);
            await upload(assetIds[lane + (turn % assetsPerLane) * lanes]!);
          }
        }),
      );
      return async () => {
        uploading = false;
        await running;
      };
    },
    startWrites: (perSecond) => startPaced(perSecond, write),
    startUploads: (perSecond) => startPaced(perSecond, (i) => upload(assetIds[i % assetIds.length]!)),
    counts: () => ({ uploads, writes }),
  };
}

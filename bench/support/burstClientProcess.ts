// One of the color extraction suite's clients, in a process of its own (burstClient.ts starts it) so
// the gateway's process serves only the gateway, as a client elsewhere would leave it. The suite
// starts two, one for the readers and one for the uploads and the control's writes, and drives them
// by messages. In a worker thread of the gateway's process, sending an upload's 342 KiB raised the
// readers' p99 even when the upload was answered from its hash (docs/color-extraction.md).
import { postGraphql } from "./benchClient.ts";
import { imageWrites } from "./imageWrites.ts";
import { startPaced } from "./pacedLoad.ts";

export interface BurstClientOptions {
  readonly url: string;
  readonly brandIds: readonly string[];
  readonly assetIds: readonly string[];
  readonly images: readonly Uint8Array[];
  /** Concurrent callers of a `read`. */
  readonly readers: number;
}

export type BurstClientRequest =
  | { readonly op: "prime"; readonly lanes: number }
  | { readonly op: "read"; readonly requests: number }
  | { readonly op: "readPaced"; readonly requests: number; readonly perSecond: number }
  | { readonly op: "burst"; readonly lanes: number }
  | { readonly op: "writes"; readonly perSecond: number }
  | { readonly op: "uploads"; readonly perSecond: number }
  | { readonly op: "stop" }
  | { readonly op: "counts" };

export interface BurstClientReply {
  readonly id: number;
  readonly value?: unknown;
  readonly error?: string;
}

const SIMILAR_BRANDS = `query ($id: ID!) { brand(id: $id) { similarBrands { brand { id } sharedColorCount similarityScore } } }`;

function serve(options: BurstClientOptions): void {
  const { url, brandIds, assetIds, readers } = options;
  const images = options.images.map((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const load = imageWrites(url, images, assetIds);
  let stopRunning: (() => Promise<void>) | null = null;

  /** One similarBrands call for the i-th brand (cycling); its duration, ms. */
  const readOnce = async (i: number) => {
    const started = performance.now();
    await postGraphql(url, SIMILAR_BRANDS, { id: brandIds[i % brandIds.length]! });
    return performance.now() - started;
  };

  /** `requests` similarBrands calls by `readers` callers at once; each call's duration, ms. */
  const read = async (requests: number) => {
    const durations: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: readers }, async () => {
        while (next < requests) durations.push(await readOnce(next++));
      }),
    );
    return durations;
  };

  /** `requests` similarBrands calls started on schedule at `perSecond`, whatever their latency; each call's duration, ms. */
  const readPaced = async (requests: number, perSecond: number) => {
    const durations: number[] = [];
    let done: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const stop = startPaced(perSecond, async (i) => {
      if (i >= requests) return;
      try {
        durations.push(await readOnce(i));
      } catch (error) {
        done(); // the schedule stops, and stop() below throws this error
        throw error;
      }
      if (durations.length === requests) done();
    });
    await finished;
    await stop();
    return durations;
  };

  const handle = async (request: BurstClientRequest): Promise<unknown> => {
    switch (request.op) {
      case "prime":
        return load.prime(request.lanes);
      case "read":
        return read(request.requests);
      case "readPaced":
        return readPaced(request.requests, request.perSecond);
      case "burst":
        stopRunning = load.startBurst(request.lanes);
        return null;
      case "writes":
        stopRunning = load.startWrites(request.perSecond);
        return null;
      case "uploads":
        stopRunning = load.startUploads(request.perSecond);
        return null;
      case "stop": {
        await stopRunning?.();
        stopRunning = null;
        return load.counts();
      }
      case "counts":
        return load.counts();
    }
  };

  process.on("message", ({ id, request }: { id: number; request: BurstClientRequest }) => {
    handle(request).then(
      (value) => process.send!({ id, value } satisfies BurstClientReply),
      (error: Error) => process.send!({ id, error: error.stack ?? error.message } satisfies BurstClientReply),
    );
  });
}

// The options come as the first message; a suite that is gone (its channel closed) ends the client.
process.once("message", (options: BurstClientOptions) => serve(options));
process.once("disconnect", () => process.exit(0));

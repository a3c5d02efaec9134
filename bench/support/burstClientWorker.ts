// One of the color extraction suite's clients, in a worker thread so the gateway's event loop serves
// only the gateway, as the sync benchmark's clients do (mutationLoad.ts). The suite starts two, one
// for the readers and one for the uploads and the control's writes, and drives them by messages
// (burstClient.ts): a client elsewhere would not share the gateway's loop, and an upload's 342 KiB
// sent from that loop would be charged to the readers the gateway serves.
import { parentPort, workerData } from "node:worker_threads";
import { postGraphql } from "./benchClient.ts";
import { imageWrites, type ImageWritesState } from "./imageWrites.ts";

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
  | { readonly op: "burst"; readonly lanes: number }
  | { readonly op: "writes"; readonly perSecond: number }
  | { readonly op: "stop" }
  | { readonly op: "counts" }
  | { readonly op: "state" };

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

  /** `requests` similarBrands calls by `readers` callers at once; each call's duration, ms. */
  const read = async (requests: number) => {
    const durations: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: readers }, async () => {
        while (next < requests) {
          const id = brandIds[next++ % brandIds.length]!;
          const started = performance.now();
          await postGraphql(url, SIMILAR_BRANDS, { id });
          durations.push(performance.now() - started);
        }
      }),
    );
    return durations;
  };

  const handle = async (request: BurstClientRequest): Promise<unknown> => {
    switch (request.op) {
      case "prime":
        return load.prime(request.lanes);
      case "read":
        return read(request.requests);
      case "burst":
        stopRunning = load.startBurst(request.lanes);
        return null;
      case "writes":
        stopRunning = load.startWrites(request.perSecond);
        return null;
      case "stop": {
        await stopRunning?.();
        stopRunning = null;
        return load.counts();
      }
      case "counts":
        return load.counts();
      case "state":
        return load.state() satisfies ImageWritesState;
    }
  };

  parentPort!.on("message", ({ id, request }: { id: number; request: BurstClientRequest }) => {
    handle(request).then(
      (value) => parentPort!.postMessage({ id, value } satisfies BurstClientReply),
      (error: Error) => parentPort!.postMessage({ id, error: error.stack ?? error.message } satisfies BurstClientReply),
    );
  });
}

if (parentPort) serve(workerData as BurstClientOptions);

// The main thread's handle on a burst client worker (burstClientWorker.ts): each call is a message,
// answered when the worker has done it.
import type { Worker } from "node:worker_threads";
import { startTypescriptWorker, workerEntry } from "../../src/stack/typescriptWorker.ts";
import type { BurstClientOptions, BurstClientReply, BurstClientRequest } from "./burstClientWorker.ts";
import type { ImageWritesState } from "./imageWrites.ts";

type Counts = { readonly uploads: number; readonly writes: number };

export interface BurstClient {
  prime(lanes: number): Promise<void>;
  /** Each call's duration, ms. */
  read(requests: number): Promise<number[]>;
  startBurst(lanes: number): Promise<void>;
  startWrites(perSecond: number): Promise<void>;
  /** Stops the burst or the writes and waits for their calls to finish. */
  stop(): Promise<Counts>;
  counts(): Promise<Counts>;
  state(): Promise<ImageWritesState>;
  close(): Promise<void>;
}

export function startBurstClient(options: BurstClientOptions): BurstClient {
  const worker: Worker = startTypescriptWorker(workerEntry("burstClientWorker", import.meta.url), { workerData: options });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", ({ id, value, error }: BurstClientReply) => {
    const call = waiting.get(id);
    waiting.delete(id);
    if (error === undefined) call?.resolve(value);
    else call?.reject(new Error(`burst client: ${error}`));
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`burst client exited (${code})`)));
  const call = <T>(request: BurstClientRequest) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  return {
    prime: (lanes) => call({ op: "prime", lanes }),
    read: (requests) => call({ op: "read", requests }),
    startBurst: (lanes) => call({ op: "burst", lanes }),
    startWrites: (perSecond) => call({ op: "writes", perSecond }),
    stop: () => call({ op: "stop" }),
    counts: () => call({ op: "counts" }),
    state: () => call({ op: "state" }),
    close: async () => void (await worker.terminate()),
  };
}

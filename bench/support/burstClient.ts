// The suite's handle on a burst client (burstClientProcess.ts), a process of its own and of its own
// session: a client elsewhere shares neither the gateway's process nor, with Linux's autogroup
// scheduling, its share of the cores. Each call is a message, answered when the client has done it.
import type { ChildProcess } from "node:child_process";
import { forkModule } from "../../src/stack/forkModule.ts";
import { workerEntry } from "../../src/stack/typescriptWorker.ts";
import type { BurstClientOptions, BurstClientReply, BurstClientRequest } from "./burstClientProcess.ts";
import { stopProcess } from "./stopProcess.ts";

type Counts = { readonly uploads: number; readonly writes: number };

export interface BurstClient {
  prime(lanes: number): Promise<void>;
  /** Each call's duration, ms. */
  read(requests: number): Promise<number[]>;
  /** The same calls started on schedule at `perSecond` (an open loop), whatever their latency. */
  readPaced(requests: number, perSecond: number): Promise<number[]>;
  startBurst(lanes: number): Promise<void>;
  startWrites(perSecond: number): Promise<void>;
  startUploads(perSecond: number): Promise<void>;
  /** Stops the burst, the uploads or the writes and waits for their calls to finish. */
  stop(): Promise<Counts>;
  counts(): Promise<Counts>;
  close(): Promise<void>;
}

export function startBurstClient(options: BurstClientOptions): BurstClient {
  const child: ChildProcess = forkModule(workerEntry("burstClientProcess", import.meta.url), [], { serialization: "advanced", detached: true });
  child.send(options);
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  child.on("message", ({ id, value, error }: BurstClientReply) => {
    const call = waiting.get(id);
    waiting.delete(id);
    if (error === undefined) call?.resolve(value);
    else call?.reject(new Error(`burst client: ${error}`));
  });
  child.on("error", failAll);
  child.on("exit", (code) => failAll(new Error(`burst client exited (${code})`)));
  const call = <T>(request: BurstClientRequest) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, request });
    });
  return {
    prime: (lanes) => call({ op: "prime", lanes }),
    read: (requests) => call({ op: "read", requests }),
    readPaced: (requests, perSecond) => call({ op: "readPaced", requests, perSecond }),
    startBurst: (lanes) => call({ op: "burst", lanes }),
    startWrites: (perSecond) => call({ op: "writes", perSecond }),
    startUploads: (perSecond) => call({ op: "uploads", perSecond }),
    stop: () => call({ op: "stop" }),
    counts: () => call({ op: "counts" }),
    close: () => stopProcess(child),
  };
}

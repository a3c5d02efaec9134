// The suite's handle on the measuring subscriber (latencySubscriberProcess.ts), a process of its own session.
import { once } from "node:events";
import { forkModule } from "../../src/stack/forkModule.ts";
import { workerEntry } from "../../src/stack/typescriptWorker.ts";
import type { Arrivals, CollectRequest } from "./latencySubscriberProcess.ts";
import { stopProcess } from "./stopProcess.ts";

export interface LatencySubscriber {
  /** When each event after `from`, up to `to`, arrived (epoch ms), once all have or `waitMs` has passed. */
  collect(from: bigint, to: bigint, waitMs: number): Promise<Map<bigint, number>>;
  close(): Promise<void>;
}

export function startLatencySubscriber(url: string): LatencySubscriber {
  const child = forkModule(workerEntry("latencySubscriberProcess", import.meta.url), [], { detached: true });
  child.send(url);
  return {
    async collect(from, to, waitMs) {
      const replied = once(child, "message") as Promise<[Arrivals]>;
      const exited = once(child, "exit").then(([code]) => Promise.reject(new Error(`the latency subscriber exited (${code})`)));
      child.send({ from: String(from), to: String(to), waitMs } satisfies CollectRequest);
      const [arrivals] = await Promise.race([replied, exited]);
      return new Map(arrivals.map(([id, at]) => [BigInt(id), at]));
    },
    close: () => stopProcess(child),
  };
}

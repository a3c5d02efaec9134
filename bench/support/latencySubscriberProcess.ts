// The subscriptions benchmark's measuring subscriber, in a process of its own session
// (latencySubscriber.ts starts it): one graphql-ws client of graphChanged noting when each event id
// arrives, so an arrival is timed as a client elsewhere would see it and not by the gateway's own
// event loop, which it would otherwise share. Sent the gateway's URL first, then requests to collect.
import { createClient } from "graphql-ws";
import WebSocket from "ws";

export interface CollectRequest {
  /** The event ids after `from`, up to `to`, decimal. */
  readonly from: string;
  readonly to: string;
  /** How long to wait for the last of them. */
  readonly waitMs: number;
}

/** Each collected event id with the epoch ms its message arrived. */
export type Arrivals = readonly (readonly [eventId: string, arrivedAtMs: number])[];

function serve(url: string): void {
  const arrived = new Map<bigint, number>();
  const client = createClient({ url: `${url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, lazy: false });
  client.subscribe<{ graphChanged: { eventId: string } }>(
    { query: `subscription { graphChanged { eventId } }` },
    { next: ({ data }) => data && arrived.set(BigInt(data.graphChanged.eventId), Date.now()), error() {}, complete() {} },
  );

  const collect = async ({ from, to, waitMs }: CollectRequest): Promise<Arrivals> => {
    const [first, last] = [BigInt(from), BigInt(to)];
    const inRange = () => [...arrived].filter(([id]) => id > first && id <= last);
    const deadline = Date.now() + waitMs;
    while (inRange().length < Number(last - first) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return inRange().map(([id, at]) => [String(id), at] as const);
  };

  process.on("message", (request: CollectRequest) => {
    void collect(request).then((arrivals) => process.send!(arrivals));
  });
}

// A suite that is gone (its channel closed) ends the subscriber.
process.once("message", (url: string) => serve(url));
process.once("disconnect", () => process.exit(0));

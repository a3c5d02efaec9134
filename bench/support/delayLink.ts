// A TCP proxy that puts a database "across the network": every chunk waits half the chosen round trip
// before it is passed on, in each direction, so a request/response exchange takes the round trip longer.
// Chunks keep their order (the delay is the same for all, so one timer per direction drains a FIFO),
// and a slow receiver pauses the sender rather than buffering without bound. netem would be closer to a
// real link but needs network namespaces; this needs nothing and is measured by measureLink.ts.
import net from "node:net";

export interface DelayLink {
  /** The local port to connect to instead of the target's. */
  readonly port: number;
  readonly rttMs: number;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export interface DelayLinkOptions {
  readonly targetHost: string;
  readonly targetPort: number;
  readonly rttMs: number;
}

export async function openDelayLink({ targetHost, targetPort, rttMs }: DelayLinkOptions): Promise<DelayLink> {
  const oneWayMs = rttMs / 2;
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((client) => {
    accepted += 1;
    const target = net.connect({ host: targetHost, port: targetPort });
    for (const socket of [client, target]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      // A reset on one side ends the other; the error itself is the peer's business.
      socket.on("error", () => {
        client.destroy();
        target.destroy();
      });
    }
    delayedPipe(client, target, oneWayMs);
    delayedPipe(target, client, oneWayMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    rttMs,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Passes `from`'s bytes and its end to `to`, each `delayMs` after it arrived. */
function delayedPipe(from: net.Socket, to: net.Socket, delayMs: number): void {
  const queue: { due: number; chunk: Buffer | null }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.due <= now) {
      const { chunk } = queue.shift()!;
      if (chunk === null) {
        to.end();
        return;
      }
      if (!to.write(chunk)) {
        from.pause();
        to.once("drain", () => from.resume());
      }
    }
    if (queue.length > 0) timer = setTimeout(flush, Math.max(0, queue[0]!.due - performance.now()));
  };
  const enqueue = (chunk: Buffer | null) => {
    queue.push({ due: performance.now() + delayMs, chunk });
    timer ??= setTimeout(flush, delayMs);
  };
  from.on("data", (chunk: Buffer) => enqueue(chunk));
  from.on("end", () => enqueue(null));
}

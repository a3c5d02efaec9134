import crypto from "node:crypto";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openDelayLink, type DelayLink } from "../../bench/support/delayLink.ts";

/** A server that answers every byte with itself. */
async function echoServer() {
  const server = net.createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function connect(port: number): Promise<net.Socket> {
  const socket = net.connect({ host: "127.0.0.1", port });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  socket.setNoDelay(true);
  return socket;
}

/** Sends `bytes` and resolves with what comes back once as many bytes came back, and how long that took. */
function roundTrip(socket: net.Socket, bytes: Buffer): Promise<{ echoed: Buffer; ms: number }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const started = performance.now();
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received >= bytes.length) {
        socket.off("data", onData);
        resolve({ echoed: Buffer.concat(chunks), ms: performance.now() - started });
      }
    };
    socket.on("data", onData);
    socket.write(bytes);
  });
}

describe("openDelayLink", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const open = async (rttMs: number) => {
    const echo = await echoServer();
    cleanups.push(echo.close);
    const link: DelayLink = await openDelayLink({ targetHost: "127.0.0.1", targetPort: echo.port, rttMs });
    cleanups.push(link.close);
    return link;
  };

  it("never answers a request sooner than the round trip it adds", async () => {
    const link = await open(4);
    const socket = await connect(link.port);
    cleanups.push(async () => void socket.destroy());

    for (let i = 0; i < 20; i++) {
      const { echoed, ms } = await roundTrip(socket, Buffer.from([i]));
      expect(echoed).toEqual(Buffer.from([i]));
      expect(ms).toBeGreaterThanOrEqual(4);
    }
  });

  it("passes 4 MB each way intact and in order", async () => {
    const link = await open(2);
    const socket = await connect(link.port);
    cleanups.push(async () => void socket.destroy());
    const bytes = crypto.randomBytes(4 * 1024 * 1024);

    const { echoed } = await roundTrip(socket, bytes);

    expect(echoed.length).toBe(bytes.length);
    expect(echoed.equals(bytes)).toBe(true);
  });

  it("passes a client's end on to the server, and the server's close back to the client", async () => {
    const link = await open(2);
    const socket = await connect(link.port);
    const closed = new Promise<boolean>((resolve) => socket.once("close", resolve));
    socket.resume();

    socket.end();

    await expect(closed).resolves.toBe(false);
    expect(link.connections()).toBe(1);
  });
});

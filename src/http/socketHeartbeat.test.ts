import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { startSocketHeartbeat, type SocketHeartbeat } from "./socketHeartbeat.ts";

const INTERVAL_MS = 100;

describe("socketHeartbeat", () => {
  let server: Server;
  let wss: WebSocketServer;
  let heartbeat: SocketHeartbeat;
  const clients: WebSocket[] = [];

  async function serve(intervalMs = INTERVAL_MS): Promise<string> {
    server = createServer();
    wss = new WebSocketServer({ server });
    heartbeat = startSocketHeartbeat(wss, intervalMs);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function connect(url: string, answersPings: boolean, onPing?: () => void): Promise<WebSocket> {
    const client = new WebSocket(url, { autoPong: answersPings });
    if (onPing) client.once("ping", onPing);
    clients.push(client);
    await once(client, "open");
    return client;
  }

  afterEach(async () => {
    heartbeat.stop();
    for (const client of clients.splice(0)) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
    await new Promise((resolve) => server.close(resolve));
  });

  it("pings every socket once per interval and keeps those that answer", async () => {
    const url = await serve();
    const pinged = [0, 0, 0];
    const sockets = await Promise.all(pinged.map(() => connect(url, true)));
    const started = performance.now();
    sockets.forEach((socket, i) => socket.on("ping", () => (pinged[i]! += 1)));
    await vi.waitFor(() => expect(Math.min(...pinged)).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 20 });
    // A timer fires late on a busy machine, never early: at most one ping per interval gone by.
    const intervals = Math.floor((performance.now() - started) / INTERVAL_MS);
    for (const count of pinged) expect(count).toBeLessThanOrEqual(intervals + 1);
    expect(sockets.map((s) => s.readyState)).toEqual(sockets.map(() => WebSocket.OPEN));
    expect(wss.clients.size).toBe(3);
  });

  it("terminates a socket that leaves a ping unanswered for an interval, and only that one", async () => {
    const url = await serve();
    const [silent, answering] = [await connect(url, false), await connect(url, true)];
    const [code] = (await once(silent, "close")) as [number];
    expect(code).toBe(1006); // terminated: no close frame, as a vanished peer would get
    expect(answering.readyState).toBe(WebSocket.OPEN);
    await sleep(INTERVAL_MS * 3);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    expect(wss.clients.size).toBe(1);
  });

  it("pings more sockets than one slice of the event loop holds", async () => {
    // An interval long enough for a busy machine to read the pongs of 1,200 sockets opened at once.
    const url = await serve(2_000);
    let pinged = 0;
    await Promise.all(Array.from({ length: 1_200 }, () => connect(url, true, () => (pinged += 1))));
    await vi.waitFor(() => expect(pinged).toBe(1_200), { timeout: 15_000, interval: 20 });
    expect(wss.clients.size).toBe(1_200);
  });
});

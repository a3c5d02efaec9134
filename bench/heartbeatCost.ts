// Probe, not part of `npm run bench`: what keeping 1,000 idle WebSocket subscribers alive costs a
// server, with graphql-ws's keep-alive (a timer per socket) and with the gateway's heartbeat (one
// timer for every socket, src/http/socketHeartbeat.ts). Each way runs twice, alternating: a
// graphql-ws server in a process of its own, the subscriptions benchmark's 1,000 idle subscribers in
// another (support/idleSubscribers.ts), then the server's CPU and its main thread's voluntary context
// switches (wake-ups) over 36 s idle.
//
//   node --import tsx bench/heartbeatCost.ts
import { fork, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { buildSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { startSocketHeartbeat } from "../src/http/socketHeartbeat.ts";

const SUBSCRIBERS = 1_000;
const IDLE_MS = 36_000;
const KEEP_ALIVE_MS = 12_000;
type Way = "perSocket" | "heartbeat";
const self = fileURLToPath(import.meta.url);
const idleSubscribers = fileURLToPath(new URL("./support/idleSubscribers.ts", import.meta.url));
const [role, way] = process.argv.slice(2);

if (role === "server") serve(way as Way);
else await measure();

function serve(way: Way): void {
  const schema = buildSchema(`type Query { a: Int } type Change { eventId: ID } type Subscription { brandChanged(id: ID!): Change }`);
  const server = createServer();
  const wss = new WebSocketServer({ server, path: "/graphql" });
  const neverSends = async function* () {
    await new Promise(() => {});
  };
  useServer({ schema, roots: { subscription: { brandChanged: neverSends } } }, wss, way === "perSocket" ? KEEP_ALIVE_MS : 0);
  if (way === "heartbeat") startSocketHeartbeat(wss, KEEP_ALIVE_MS);
  server.listen(0, "127.0.0.1", () => process.send!({ port: (server.address() as AddressInfo).port }));
  process.on("message", () => {
    const switches = /^voluntary_ctxt_switches:\s+(\d+)/m.exec(readFileSync("/proc/thread-self/status", "utf8"))![1];
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMs: (user + system) / 1000, wakeUps: Number(switches), sockets: wss.clients.size });
  });
}

async function measure(): Promise<void> {
  for (const way of ["perSocket", "heartbeat", "perSocket", "heartbeat"] as const) {
    const server = fork(self, ["server", way], { execArgv: ["--import", "tsx"] });
    const [{ port }] = (await once(server, "message")) as [{ port: number }];
    const subscribers = spawn(process.execPath, ["--import", "tsx", idleSubscribers, `http://127.0.0.1:${port}`, String(SUBSCRIBERS), "quiet-brand"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => subscribers.stdout!.on("data", (chunk) => String(chunk).includes("READY") && resolve()));
    await sleep(5_000);
    const read = async () => {
      server.send("read");
      return ((await once(server, "message")) as [{ cpuMs: number; wakeUps: number; sockets: number }])[0];
    };
    const before = await read();
    await sleep(IDLE_MS);
    const after = await read();
    console.log(
      `${way}: ${after.sockets} sockets, server CPU ${Math.round(after.cpuMs - before.cpuMs)} ms and ${after.wakeUps - before.wakeUps} wake-ups of its main thread over ${IDLE_MS / 1000} s idle`,
    );
    subscribers.kill("SIGKILL");
    server.kill("SIGKILL");
  }
}

// Every open WebSocket is pinged on one timer, and a socket that has not answered the previous ping
// is terminated: a peer gone without a close (a laptop lid shut, a NAT mapping dropped) is noticed
// within two intervals and its subscriptions end. graphql-ws's own keep-alive gives each socket a
// timer of its own, so a thousand idle subscribers woke the gateway about 80 times a second, at
// moments spread over the interval; here they cost one wake-up per interval. The sockets are
// pinged in slices, so tens of thousands of them never hold the event loop for long.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { WebSocket, WebSocketServer } from "ws";

/** Sockets pinged per turn of the event loop. */
const SLICE = 500;

export interface SocketHeartbeat {
  stop(): void;
}

export function startSocketHeartbeat(wss: WebSocketServer, intervalMs: number): SocketHeartbeat {
  const awaitingPong = new WeakSet<WebSocket>();
  const answered = function (this: WebSocket) {
    awaitingPong.delete(this);
  };
  wss.on("connection", (socket) => socket.on("pong", answered));
  let beating = false;
  async function beat(): Promise<void> {
    // A beat still pinging its slices when the next is due: the next would end sockets it just pinged.
    if (beating) return;
    beating = true;
    try {
      await pingEverySocket();
    } finally {
      beating = false;
    }
  }
  async function pingEverySocket(): Promise<void> {
    // A beat late behind a busy event loop runs before the I/O waiting meanwhile: read the pongs
    // already received first, or a socket that answered would be ended.
    await nextTurn();
    let inSlice = 0;
    for (const socket of [...wss.clients]) {
      if (awaitingPong.has(socket)) {
        socket.terminate();
      } else if (socket.readyState === socket.OPEN) {
        awaitingPong.add(socket);
        socket.ping();
      }
      if (++inSlice === SLICE) {
        inSlice = 0;
        await nextTurn();
      }
    }
  }
  const timer = setInterval(() => void beat(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

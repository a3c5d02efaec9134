// What a graceful shutdown needs of the HTTP server: stop listening, answer every request already
// accepted, then close. Not server.close() alone: since Node 19 it also destroys every connection
// without a request in flight, and that includes one accepted a moment ago whose request has not
// been read yet, which its client sees as a reset, not a refusal. So connections are tracked here:
// keep-alive ones between requests are closed at once, fresh ones get a moment to send theirs.
import http from "node:http";
import net from "node:net";

export interface DrainReport {
  /** Requests accepted over the server's life. */
  readonly accepted: number;
  /** Of those, answered in full. */
  readonly answered: number;
  /** Still unanswered when the grace period ended, and cut. */
  readonly cut: number;
}

/** A connection that has sent no request yet may take this long to, once draining began. */
const FRESH_CONNECTION_MS = 2_000;

interface ConnectionState {
  requests: number;
  busy: boolean;
}

export function drainable(server: http.Server) {
  const connections = new Map<net.Socket, ConnectionState>();
  let accepted = 0;
  let answered = 0;
  let inFlight = 0;
  let draining = false;
  const changed = new Set<() => void>();
  const notify = () => {
    for (const wake of changed) wake();
  };

  server.on("connection", (socket: net.Socket) => {
    connections.set(socket, { requests: 0, busy: false });
    socket.once("close", () => {
      connections.delete(socket);
      notify();
    });
  });
  server.prependListener("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = connections.get(req.socket);
    if (state) {
      state.requests += 1;
      state.busy = true;
    }
    inFlight += 1;
    accepted += 1;
    // While draining, a keep-alive connection ends with its response instead of waiting for another.
    if (draining) res.setHeader("connection", "close");
    res.once("finish", () => (answered += 1));
    res.once("close", () => {
      inFlight -= 1;
      if (state) state.busy = false;
      if (draining && !res.headersSent) req.socket.destroy();
      else if (draining) req.socket.end();
      notify();
    });
  });

  const idleKeepAlive = () => [...connections].filter(([, s]) => !s.busy && s.requests > 0).map(([socket]) => socket);
  const fresh = () => [...connections.values()].some((s) => !s.busy && s.requests === 0);

  return {
    async drain(graceMs: number, onListenerClosed?: (closedAt: number) => void): Promise<DrainReport> {
      draining = true;
      // Read before the close: a connection the kernel refuses or resets is refused after it, never
      // before (read after, the clock may already be a millisecond on).
      const closedAt = Date.now();
      // net.Server's close: stop listening, leave the connections to the loop below.
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      onListenerClosed?.(closedAt);
      const started = Date.now();
      const deadline = started + graceMs;
      const freshUntil = started + Math.min(graceMs, FRESH_CONNECTION_MS);
      for (;;) {
        for (const socket of idleKeepAlive()) socket.end();
        const now = Date.now();
        if (now >= deadline) break;
        if (inFlight === 0 && (!fresh() || now >= freshUntil)) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.min(100, deadline - now));
          function done() {
            clearTimeout(timer);
            changed.delete(done);
            resolve();
          }
          changed.add(done);
        });
      }
      const cut = inFlight;
      for (const socket of connections.keys()) socket.destroy();
      await closed;
      return { accepted, answered, cut };
    },
  };
}

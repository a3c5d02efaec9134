// A GraphQL-over-WebSocket client for tests, speaking the protocol by hand on a raw `ws` socket so a
// test controls everything: what connection_init carries, and how the connection ends (a clean
// close, or terminate(): the TCP socket destroyed with no close frame, as a crashed client leaves it).
import WebSocket from "ws";

export interface Message {
  readonly type: "next" | "error" | "complete";
  readonly id: string;
  readonly payload?: any;
}

export interface SubscriptionSocket {
  /** Resolves once the server acknowledged connection_init. */
  readonly acknowledged: Promise<void>;
  /** Resolves with the close code and reason, however the connection ended. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Every next/error/complete message received, in order. */
  readonly messages: Message[];
  subscribe(query: string, variables?: Record<string, unknown>): string;
  /** The next message of this subscription not yet taken, waiting up to timeoutMs. */
  take(id: string, timeoutMs?: number): Promise<Message>;
  close(): void;
  terminate(): void;
}

/** `answersPings: false` leaves the server's WebSocket pings unanswered, as a peer that vanished would. */
export function openSubscriptionSocket(httpUrl: string, authorization: string | undefined, { answersPings = true } = {}): SubscriptionSocket {
  const socket = new WebSocket(`${httpUrl.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws", { autoPong: answersPings });
  const messages: Message[] = [];
  const taken = new Map<string, number>();
  const waiters = new Set<() => void>();
  let nextId = 0;
  let acknowledge: () => void;
  const acknowledged = new Promise<void>((resolve) => (acknowledge = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const wake of waiters) wake();
    }),
  );
  socket.on("error", () => {});
  socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: authorization ? { authorization } : {} })));
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    if (message.type === "connection_ack") return acknowledge();
    if (message.type === "ping") return socket.send(JSON.stringify({ type: "pong" }));
    if (["next", "error", "complete"].includes(message.type)) {
      messages.push(message);
      for (const wake of waiters) wake();
    }
  });

  return {
    acknowledged,
    closed,
    messages,
    subscribe(query, variables) {
      const id = String(++nextId);
      socket.send(JSON.stringify({ type: "subscribe", id, payload: { query, variables } }));
      return id;
    },
    async take(id, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = messages.filter((m) => m.id === id);
        const index = taken.get(id) ?? 0;
        if (mine.length > index) {
          taken.set(id, index + 1);
          return mine[index]!;
        }
        if (socket.readyState === WebSocket.CLOSED) throw new Error(`socket closed before a message of subscription ${id}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no message of subscription ${id} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    close: () => socket.close(1000),
    terminate: () => socket.terminate(),
  };
}

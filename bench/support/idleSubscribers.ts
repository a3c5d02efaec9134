// The subscriptions benchmark's idle subscribers, in a process of their own so their sockets' memory
// is not counted as the gateway's: `count` graphql-ws clients, each subscribed to a brand no load
// touches. Prints READY once every connection is acknowledged; runs until killed.
//
//   node --import tsx bench/support/idleSubscribers.ts <gateway url> <count> <brand id>
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, count, brandId] = process.argv.slice(2) as [string, string, string];
// In batches: a thousand sockets opened at once on a loaded machine miss the server's wait for
// connection_init (graphql-ws closes them with 4408).
const BATCH = 50;
for (let opened = 0; opened < Number(count); opened += BATCH) {
  const batch = Math.min(BATCH, Number(count) - opened);
  await Promise.all(Array.from({ length: batch }, () => connect()));
}
process.stdout.write("READY\n");

function connect(): Promise<void> {
  return new Promise((resolve) => {
    const client = createClient({ url: `${url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 5, on: { connected: () => resolve() } });
    client.subscribe({ query: `subscription($id: ID!) { brandChanged(id: $id) { eventId } }`, variables: { id: brandId } }, { next() {}, error() {}, complete() {} });
  });
}

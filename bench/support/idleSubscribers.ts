// The subscriptions benchmark's idle subscribers, in a process of their own so their sockets' memory
// is not counted as the gateway's: `count` graphql-ws clients, each subscribed to a brand no load
// touches. Prints READY once every connection is acknowledged; runs until killed.
//
//   node --import tsx bench/support/idleSubscribers.ts <gateway url> <count> <brand id>
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, count, brandId] = process.argv.slice(2) as [string, string, string];
let acknowledged = 0;
for (let i = 0; i < Number(count); i++) {
  const client = createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    on: {
      connected: () => {
        if (++acknowledged === Number(count)) process.stdout.write("READY\n");
      },
    },
  });
  client.subscribe({ query: `subscription($id: ID!) { brandChanged(id: $id) { eventId } }`, variables: { id: brandId } }, { next() {}, error() {}, complete() {} });
}

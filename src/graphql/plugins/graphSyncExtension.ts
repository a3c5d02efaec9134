// Read-your-writes, visible: a mutation request that waited for the graph (x-graph-sync: wait, or
// GRAPH_SYNC_WAIT) learns in extensions.graphSync whether the graph applied its change in time and
// how long it waited, so a client knows whether a graph read right after it sees the change.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context.ts";

export function graphSyncExtensionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const waits = contextValue.graphWaits;
          if (waits.length === 0 || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            graphSync: {
              applied: waits.every((w) => w.applied),
              waitedMs: Math.round(waits.reduce((sum, w) => sum + w.waitedMs, 0) * 10) / 10,
              events: waits.reduce((sum, w) => sum + w.events, 0),
            },
          };
        },
      };
    },
  };
}

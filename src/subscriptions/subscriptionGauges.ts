import { Gauge } from "prom-client";
import type { Registry } from "../observability/metricsRegistry.ts";
import type { ChangeFeed } from "./changeFeed.ts";

export function registerSubscriptionGauges(registry: Registry, feed: ChangeFeed): void {
  new Gauge({
    name: "mobius_subscriptions_active",
    help: "GraphQL subscriptions open on this replica",
    registers: [registry],
    collect() {
      this.set(feed.subscriberCount());
    },
  });
}

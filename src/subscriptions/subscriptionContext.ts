// A subscription's GraphQL context. graphql-ws builds one per subscription, but every message must
// read the data as it is when the message is sent: so each message renews the context's per-request
// loaders (renewLoaders in graphql/lazyLoaders.ts, called by the Subscription fields' resolve) before
// its fields resolve. The messages of one subscription are executed one after another, so no two
// share a renewal.
import { ErrorCode, GatewayError } from "../errors/codes.ts";
import type { GatewayContext } from "../graphql/context.ts";
import type { ChangeFeed } from "./changeFeed.ts";

export function changeFeedOf(context: GatewayContext): ChangeFeed {
  const feed = context.deps.changes;
  if (!feed) throw new GatewayError(ErrorCode.Internal, "Subscriptions are off on this gateway");
  return feed;
}

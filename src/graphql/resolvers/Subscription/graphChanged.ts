import type { SubscriptionResolvers } from "../../../generated/graphql.ts";
import type { GatewayContext } from "../../context.ts";
import type { AppliedEvent } from "../../../subscriptions/appliedEvents.ts";
import { resumePosition } from "../../../subscriptions/appliedEvents.ts";
import { changeFeedOf } from "../../../subscriptions/subscriptionContext.ts";
import { renewLoaders } from "../../lazyLoaders.ts";

export const graphChanged: NonNullable<SubscriptionResolvers["graphChanged"]> = {
  async subscribe(_, { after }, context) {
    const feed = changeFeedOf(context);
    const organizationId = context.access.organizationScope;
    const from = after == null ? undefined : await resumePosition(context.deps.sql, organizationId, after, context.deps.config.subscriptionResumeWindowSeconds);
    return feed.subscribe({ organizationId, after: from });
  },
  resolve(event: AppliedEvent, _args: unknown, context: GatewayContext) {
    renewLoaders(context);
    return event;
  },
};

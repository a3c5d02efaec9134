import type { SubscriptionResolvers } from "../../../generated/graphql.ts";
import type { GatewayContext } from "../../context.ts";
import { notFound } from "../../../errors/codes.ts";
import { brandStore } from "../../../stores/brandStore.ts";
import type { AppliedEvent } from "../../../subscriptions/appliedEvents.ts";
import { resumePosition } from "../../../subscriptions/appliedEvents.ts";
import { changeFeedOf } from "../../../subscriptions/subscriptionContext.ts";
import { renewLoaders } from "../../lazyLoaders.ts";

export const brandChanged: NonNullable<SubscriptionResolvers["brandChanged"]> = {
  async subscribe(_, { id, after }, context) {
    const feed = changeFeedOf(context);
    const { sql, config } = context.deps;
    const organizationId = context.access.organizationScope;
    // Another organization's brand is NOT_FOUND, exactly as a missing one.
    const [brand] = await brandStore.rowsByIds(sql, [id], organizationId);
    if (!brand) throw notFound("Brand", id);
    const from = after == null ? undefined : await resumePosition(sql, organizationId, after, config.subscriptionResumeWindowSeconds);
    return feed.subscribe({ organizationId, after: from, entity: { kind: "brand", id } });
  },
  resolve(event: AppliedEvent, _args: unknown, context: GatewayContext) {
    renewLoaders(context);
    return event;
  },
};

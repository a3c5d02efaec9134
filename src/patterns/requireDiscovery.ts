// Cross-brand (industry) discovery is an enterprise feature: the caller's organization's plan
// decides, read from Postgres once per request (the request's organization loader), so a plan
// change applies from the next request. With authentication off every caller is unrestricted, as
// everywhere else.
import type { Access } from "../auth/access.ts";
import { DISCOVERY_PLANS, type Plan } from "../domain/plans.ts";
import { ErrorCode, GatewayError } from "../errors/codes.ts";
import type { Loaders } from "../stores/loaders.ts";

export async function requireDiscovery(access: Access, loaders: Loaders): Promise<void> {
  const organizationId = access.organizationScope;
  if (organizationId === null) return;
  const plan = (await loaders.organizationById.load(organizationId))?.plan ?? null;
  if (plan === null || !DISCOVERY_PLANS.includes(plan as Plan)) {
    throw new GatewayError(
      ErrorCode.PlanRequired,
      `Industry discovery needs the ${DISCOVERY_PLANS.join(" or ")} plan; this organization is on the ${plan ?? "no"} plan`,
    );
  }
}

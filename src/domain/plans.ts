// What an organization pays for. Only the plan decides access to cross-brand (industry) discovery;
// everything else works on every plan.
import { oneOf } from "./fieldRules.ts";

export const PLANS = ["free", "team", "enterprise"] as const;
export type Plan = (typeof PLANS)[number];

/** The plans whose callers may ask industry-level questions. */
export const DISCOVERY_PLANS: readonly Plan[] = ["enterprise"];

export const parsePlan = (value: string, field: string): Plan => oneOf(value, PLANS, field);

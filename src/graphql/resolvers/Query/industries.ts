import { INDUSTRIES } from "../../../domain/industries.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";

/** The taxonomy is public vocabulary, like colors: every caller may list it, on any plan. */
export const industries: NonNullable<QueryResolvers["industries"]> = () => INDUSTRIES.map((i) => ({ ...i }));

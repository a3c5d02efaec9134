import { parseIndustry } from "../../../domain/industries.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { requireDiscovery } from "../../../patterns/requireDiscovery.ts";

export const industry: NonNullable<QueryResolvers["industry"]> = async (_, { code }, { access, loaders }) => {
  const parsed = parseIndustry(code, "code");
  await requireDiscovery(access, loaders);
  return { code: parsed };
};

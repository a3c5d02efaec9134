import { graphUnavailable } from "../../../errors/codes.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { readPatternStatus } from "../../../patterns/readPatternStatus.ts";
import { requireDiscovery } from "../../../patterns/requireDiscovery.ts";

export const patternStatus: NonNullable<QueryResolvers["patternStatus"]> = async (_, _args, { deps, access, loaders }) => {
  await requireDiscovery(access, loaders);
  if (!deps.patterns) throw graphUnavailable();
  return readPatternStatus(deps.sql, deps.patterns, deps.config.patterns);
};

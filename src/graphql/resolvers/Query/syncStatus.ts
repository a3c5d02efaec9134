import type { QueryResolvers } from "../../../generated/graphql.ts";
import { readSyncStatus } from "../../../outbox/readSyncStatus.ts";

export const syncStatus: NonNullable<QueryResolvers["syncStatus"]> = async (_parent, _args, { deps, access }) => {
  access.assertPlatformOperator();
  return {
    enabled: deps.config.graphSyncEnabled && deps.graph !== null,
    ...(await readSyncStatus(deps.prisma)),
  };
};

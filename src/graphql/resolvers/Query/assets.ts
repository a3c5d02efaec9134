import { parseAssetStatus } from "../../../domain/assetInput.ts";
import { paginate } from "../../../domain/pagination.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { assetStore } from "../../../stores/assetStore.ts";

export const assets: NonNullable<QueryResolvers["assets"]> = (_, { brandId, status, ...args }, { deps, access }) => {
  const filter = { brandId, status: status == null ? null : parseAssetStatus(status, "status") };
  return paginate(args, (page) => assetStore.listPage(deps.prisma, filter, page, access.organizationScope));
};

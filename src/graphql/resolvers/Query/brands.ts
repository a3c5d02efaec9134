import { paginate } from "../../../domain/pagination.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { brandStore } from "../../../stores/brandStore.ts";

export const brands: NonNullable<QueryResolvers["brands"]> = (_, { organizationId, ...args }, { deps, access }) =>
  paginate(args, (page) => brandStore.listPage(deps.prisma, { organizationId }, page, access.organizationScope));

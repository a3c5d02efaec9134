import { paginate } from "../../../domain/pagination.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { templateStore } from "../../../stores/templateStore.ts";

export const templates: NonNullable<QueryResolvers["templates"]> = (_, { brandId, ...args }, { deps, access }) =>
  paginate(args, (page) => templateStore.listPage(deps.prisma, { brandId }, page, access.organizationScope));

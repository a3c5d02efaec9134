import { paginate } from "../../../domain/pagination.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { organizationStore } from "../../../stores/organizationStore.ts";

/** A member lists its own organization; the platform operator every one. */
export const organizations: NonNullable<QueryResolvers["organizations"]> = (_, args, { deps, access }) =>
  paginate(args, (page) => organizationStore.listPage(deps.prisma, page, access.organizationRowsScope));

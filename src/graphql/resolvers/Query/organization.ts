import type { QueryResolvers } from "../../../generated/graphql.ts";
import { organizationStore } from "../../../stores/organizationStore.ts";

/** A member reads its own organization; the platform operator any one (its rows, not its brands). */
export const organization: NonNullable<QueryResolvers["organization"]> = (_, { id }, { deps, access, loaders }) =>
  access.isPlatformOperator ? organizationStore.findById(deps.prisma, id, access.organizationRowsScope) : loaders.organizationById.load(id);

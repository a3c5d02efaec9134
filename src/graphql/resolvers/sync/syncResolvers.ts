import type { Resolvers } from "../../../generated/graphql.ts";
import { syncStatus } from "./syncStatus.ts";

export const syncResolvers: Resolvers = { Query: { syncStatus } };

import type { QueryResolvers } from "../../../generated/graphql.ts";
import { brandWithAskedEdges } from "../../lookahead/askedEdges.ts";

export const brand: NonNullable<QueryResolvers["brand"]> = (_, { id }, context, info) => brandWithAskedEdges(id, info, context);

import { validHex } from "../../../domain/relationshipArgs.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { findColor } from "../../../graph/queries/colorByHex.ts";

export const Query: QueryResolvers = {
  color: (_root, { hex }, { deps }) => findColor(deps.graph, validHex("hex", hex)),
};

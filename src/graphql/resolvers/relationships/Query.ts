import { validHex } from "../../../domain/relationshipArgs.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { findColor } from "../../../graph/queries/colorByHex.ts";
import { prefetchColorEdges } from "./prefetchColorEdges.ts";

export const Query: QueryResolvers = {
  color: (_root, { hex }, { deps, graphLoaders }, info) => {
    const normalized = validHex("hex", hex);
    prefetchColorEdges(normalized, info, graphLoaders);
    return findColor(deps.graph, normalized);
  },
};

// Query.color must know whether the Color node exists before its fields run; the graph fields its
// selection asks for start beside that (askedEdges.ts), and when pairings are asked their statement
// also answers whether the color exists: one round trip, not two.
import { validHex } from "../../../domain/relationshipArgs.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { findColor } from "../../../graph/queries/colorByHex.ts";
import { askedColorEdges, ignore } from "./askedEdges.ts";
import { brandsKey } from "./edgeKeys.ts";

export const Query: QueryResolvers = {
  color: async (_root, { hex }, { deps, graphLoaders }, info) => {
    const normalized = validHex("hex", hex);
    const asked = askedColorEdges(normalized, info);
    // Settled by the field's own load; a color that turns out absent never asks, hence the catch.
    if (asked.brands) graphLoaders.brandsUsingColor.load(brandsKey(normalized)).catch(ignore);
    if (!asked.pairings) return findColor(deps.graph, normalized);
    const found = await graphLoaders.colorPairings.load(asked.pairings);
    return found && { hex: found.hex, name: found.name };
  },
};

// Query.color must know whether the Color node exists before its fields run; the graph fields its
// selection asks for start at once (askedEdges.ts), and the brands or pairings statement also answers
// whether the color exists: no existence check of its own beside them.
import { validHex } from "../../../domain/relationshipArgs.ts";
import type { QueryResolvers } from "../../../generated/graphql.ts";
import { findColor } from "../../../relationships/colorByHex.ts";
import { askedColorEdges, ignore } from "../../lookahead/askedEdges.ts";
import { brandsKey } from "../../../relationships/edgeKeys.ts";
import { pendingBrandDeletesBeside } from "../../../relationships/keepBrandsInPostgres.ts";

export const color: NonNullable<QueryResolvers["color"]> = async (_root, { hex }, { deps, access, graphLoaders, loaders }, info) => {
  const normalized = validHex("hex", hex);
  const asked = askedColorEdges(normalized, info);
  const brands = asked.brands ? graphLoaders.brandsUsingColor.load(brandsKey(normalized)) : null;
  const answering = asked.pairings ? graphLoaders.colorPairings.load(asked.pairings) : brands;
  // Color.brands finds this read loading; it is its to report, hence the catch here.
  if (asked.brandIdsOnly) pendingBrandDeletesBeside(loaders).catch(ignore);
  if (!answering) return findColor(deps.graph, normalized, access.organizationScope);
  // Settled by the field's own load; a color that turns out absent never asks, hence the catch.
  if (brands && brands !== answering) brands.catch(ignore);
  const found = await answering;
  return found && { hex: found.hex, name: found.name };
};

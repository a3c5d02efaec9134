import type { ColorResolvers } from "../../generated/graphql.ts";
import { colorOwnersOf, colorPairingsOf } from "../../relationships/relationshipReads.ts";
import { asksOnlyBrandIdsOf } from "../lookahead/brandIdsOnly.ts";

export const Color: ColorResolvers = {
  brands: (color, _args, context, info) => colorOwnersOf(context, color.hex, asksOnlyBrandIdsOf(info.fieldNodes) ? "fromGraph" : "fromRows"),
  pairings: (color, args, context) => colorPairingsOf(context, color.hex, args),
};

import type { SimilarBrandResolvers } from "../../generated/graphql.ts";
import { postgresBrand } from "./postgresBrand.ts";
import { asksOnlyBrandId, idOnlyBrand } from "../lookahead/brandIdsOnly.ts";

export const SimilarBrand: SimilarBrandResolvers = {
  brand: (match, _args, { loaders }, info) =>
    asksOnlyBrandId(info.fieldNodes) ? idOnlyBrand(match.similarBrandId) : postgresBrand(match.similarBrandId, loaders.anyBrandById),
};
